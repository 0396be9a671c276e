import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ODOO_EVENTS } from '../../functions/odoo/paths.ts';
import { enqueueOdooEvent } from '../../functions/odoo/schedule-pulls.ts';
import { type Standin, startStandin } from '../support/odoo-standin/start-standin.ts';
import { seedPaidOrder, seedProduct } from './fixtures.ts';
import { drain, odooShop } from './harness.ts';

const ORDERS = 50;

describe('Odoo outage', () => {
  const stateFile = join(mkdtempSync(join(tmpdir(), 'konta-odoo-')), 'odoo.json');
  let odoo: Standin;
  let t: Awaited<ReturnType<typeof odooShop>>;

  afterAll(async () => {
    await odoo.stop();
    await t.close();
  });

  it(`loses none of ${ORDERS} orders paid while Odoo is down, and pushes each exactly once`, async () => {
    const shopId = 'outage-shop';
    odoo = await startStandin({ odooVersion: 17, stateFile });
    t = await odooShop(odoo, shopId);
    await seedProduct(t.deps, shopId, {
      id: 'loaf',
      title: 'Pan de trigo sarraceno',
      variants: [{ sku: 'BUCK-1', price: 520, stock: 500 }],
    });
    await enqueueOdooEvent(t.deps, shopId, ODOO_EVENTS.pushProducts);
    expect(await drain(t.deps)).toMatchObject({ done: 1, dead: 0 });

    await odoo.stop();
    for (let i = 1; i <= ORDERS; i++) {
      await seedPaidOrder(t.deps, shopId, {
        id: `o${i}`,
        number: `OUT-${1000 + i}`,
        email: `customer${i % 7}@example.com`,
        lines: [
          { sku: 'BUCK-1', productId: 'loaf', title: 'Pan', quantity: 1 + (i % 3), unitPrice: 520 },
        ],
      });
    }

    // Two rounds while Odoo is down: every push fails to connect and is scheduled again.
    for (let round = 0; round < 2; round++) {
      const run = await drain(t.deps);
      expect(run.dead).toBe(0);
      expect(run.retried).toBe(ORDERS);
      t.clock.advance(3_600_000);
    }
    const log = await t.deps.store.query({ collection: `shops/${shopId}/odooSync/log/entries` });
    const failures = log.filter((l) => l.data?.ok === false).map((l) => l.data?.error);
    expect(failures[0]).toMatchObject({ code: 'odoo_unavailable' });

    // Odoo comes back on the same address with its data; some answers get lost on the way.
    odoo = await startStandin({ odooVersion: 17, stateFile, port: odoo.port });
    await odoo.hook('drop_responses', { model: 'sale.order', method: 'create', count: 3 });
    let pending = ORDERS;
    for (let round = 0; round < 5 && pending > 0; round++) {
      const run = await drain(t.deps);
      expect(run.dead).toBe(0);
      pending = run.retried;
      t.clock.advance(3_600_000);
    }
    expect(pending).toBe(0);

    const numbers = Array.from({ length: ORDERS }, (_, i) => `OUT-${1001 + i}`);
    const inOdoo = await odoo.records<{ client_order_ref: string; state: string }>(
      'sale.order',
      [['client_order_ref', 'in', numbers]],
      ['client_order_ref', 'state'],
    );
    expect(inOdoo).toHaveLength(ORDERS);
    expect(new Set(inOdoo.map((o) => o.client_order_ref)).size).toBe(ORDERS);
    expect(inOdoo.every((o) => o.state === 'sale')).toBe(true);
    expect(await odoo.records('res.partner', [['email', 'ilike', '@example.com']])).toHaveLength(7);
  }, 180_000);
});
