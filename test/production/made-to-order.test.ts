import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxHandlers } from '../../functions/jobs/outbox-handlers.ts';
import { drainOutbox } from '../../functions/outbox/drain-outbox.ts';
import { saveIngredient } from '../../functions/production/ingredients/save-ingredient.ts';
import { sendLowStockDigests } from '../../functions/production/reorder/send-low-stock-digests.ts';
import { registerProductionAdminRoutes } from '../../functions/production/routes.ts';
import { seedPaidOrder, seedProduct, seedShop } from '../odoo/fixtures.ts';
import { adminAppFor } from '../odoo/harness.ts';
import { createTestDeps } from '../support/deps.ts';
import { startTestSmtp } from '../support/smtp.ts';

const shopId = 'cakes';
type T = Awaited<ReturnType<typeof createTestDeps>>;

describe('made-to-order production and stock alerts', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let t: T;
  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  beforeEach(async () => {
    smtp.mails.length = 0;
    t = await createTestDeps({ smtpUrl: smtp.url });
    await seedShop(t.deps, shopId, 'obrador@cakes.test');
    await seedProduct(t.deps, shopId, {
      id: 'cake',
      title: 'Tarta de chocolate',
      variants: [{ sku: 'CAKE-CHOC', price: 2800 }],
      backorder: 'made_to_order',
    });
    await seedProduct(t.deps, shopId, {
      id: 'cookies',
      title: 'Galletas',
      variants: [{ sku: 'COOKIES', price: 400, stock: 30 }],
    });
  });
  afterEach(() => t.close());
  afterAll(() => smtp.close());

  const drain = () => drainOutbox(t.deps, outboxHandlers, { limit: 200 });
  const mailTo = (address: string) =>
    smtp.mails.filter((m) => m.envelopeTo.includes(address)).map((m) => m.parsed);

  it('emails the maker the tasks of a paid order, and the customer when they are done', async () => {
    const app = adminAppFor(t.deps, shopId, registerProductionAdminRoutes);
    await seedPaidOrder(t.deps, shopId, {
      id: 'o1',
      number: 'CK-2001',
      email: 'marta@example.com',
      method: 'shipping',
      locale: 'en',
      lines: [
        {
          sku: 'CAKE-CHOC',
          productId: 'cake',
          title: 'Tarta de chocolate',
          quantity: 2,
          unitPrice: 2800,
        },
        { sku: 'COOKIES', productId: 'cookies', title: 'Galletas', quantity: 1, unitPrice: 400 },
      ],
    });
    await drain();
    await drain();

    const [maker] = mailTo('obrador@cakes.test').filter((m) => m.subject?.includes('encargo'));
    expect(maker?.subject).toBe('Nuevo encargo para hacer: pedido CK-2001');
    expect(maker?.text).toContain('2 × Tarta de chocolate — CAKE-CHOC');
    expect(maker?.text).not.toContain('COOKIES');
    expect(maker?.html).toContain('CAKE-CHOC');
    const order = async () => (await t.deps.store.get(`shops/${shopId}/orders/o1`)).data?.status;
    expect(await order()).toBe('in_production');

    const { tasks } = await (await app.request('/api/admin/production/tasks')).json();
    expect(tasks).toMatchObject([
      { id: 'o1:CAKE-CHOC', quantity: 2, status: 'open', orderNumber: 'CK-2001' },
    ]);
    const done = await app.request('/api/admin/production/tasks/o1:CAKE-CHOC/done', {
      method: 'POST',
    });
    expect(await done.json()).toEqual({ completed: ['CAKE-CHOC'], orderReady: true });
    await drain();

    const [ready] = mailTo('marta@example.com').filter((m) => m.subject?.includes('ready'));
    expect(ready?.subject).toBe('Your order CK-2001 is ready');
    expect(ready?.text).toContain('your order CK-2001 is made');
    expect(ready?.replyTo?.text).toBe('obrador@cakes.test');

    // A second click and a replayed event send nothing more.
    await app.request('/api/admin/production/tasks/o1:CAKE-CHOC/done', { method: 'POST' });
    await drain();
    expect(mailTo('marta@example.com').filter((m) => m.subject?.includes('ready'))).toHaveLength(1);
    expect(mailTo('obrador@cakes.test').filter((m) => m.subject?.includes('encargo'))).toHaveLength(
      1,
    );
  });

  it('moves a pickup order to ready for pickup, whose email tells the customer', async () => {
    const app = adminAppFor(t.deps, shopId, registerProductionAdminRoutes);
    await seedPaidOrder(t.deps, shopId, {
      id: 'o2',
      number: 'CK-2002',
      email: 'luis@example.com',
      lines: [
        { sku: 'CAKE-CHOC', productId: 'cake', title: 'Tarta', quantity: 1, unitPrice: 2800 },
      ],
    });
    await drain();
    await app.request('/api/admin/production/tasks/o2:CAKE-CHOC/done', { method: 'POST' });
    await drain();

    expect((await t.deps.store.get(`shops/${shopId}/orders/o2`)).data?.status).toBe(
      'ready_for_pickup',
    );
    const subjects = mailTo('luis@example.com').map((m) => m.subject);
    expect(subjects.some((s) => s?.includes('CK-2002') && s.includes('listo para recoger'))).toBe(
      true,
    );
  });

  it('sends a daily low-stock digest and a purchase request to the supplier, once a day', async () => {
    const app = adminAppFor(t.deps, shopId, registerProductionAdminRoutes);
    await saveIngredient(t.deps, shopId, 'ING-COCOA', {
      name: 'Cacao puro',
      unit: 'g',
      reorderPoint: 500,
      reorderQuantity: 5000,
      purchaseRequests: true,
      supplier: { name: 'Cacaos del Sur', email: 'pedidos@cacaos.test', locale: 'es' },
    });
    const put = await app.request('/api/admin/production/reorder-points/COOKIES', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reorderPoint: 40 }),
    });
    expect(put.status).toBe(200);

    expect(await sendLowStockDigests(t.deps)).toEqual({ digests: 1, requests: 1 });
    expect(await sendLowStockDigests(t.deps)).toEqual({ digests: 0, requests: 0 });
    await drain();

    const [digest] = mailTo('obrador@cakes.test');
    expect(digest?.subject).toBe('Stock bajo: 2 referencias en Horno Sin Gluten');
    expect(digest?.text).toContain('ING-COCOA Cacao puro: quedan 0 (punto de pedido 500)');
    expect(digest?.text).toContain('COOKIES Galletas: quedan 30 (punto de pedido 40)');
    const [request] = mailTo('pedidos@cacaos.test');
    expect(request?.subject).toBe('Solicitud de compra de Horno Sin Gluten');
    expect(request?.text).toContain('Cacao puro (ING-COCOA): 5000 g');
    expect(request?.replyTo?.text).toBe('obrador@cakes.test');

    t.clock.advance(24 * 3_600_000);
    expect(await sendLowStockDigests(t.deps)).toEqual({ digests: 1, requests: 1 });
  });
});
