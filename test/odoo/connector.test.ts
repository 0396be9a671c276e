import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../functions/core/errors.ts';
import { connectOdoo } from '../../functions/odoo/client/connect-odoo.ts';
import { type Standin, startStandin } from '../support/odoo-standin/start-standin.ts';

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe.each([16, 17, 18, 19] as const)('Odoo %i connector', (odooVersion) => {
  let odoo: Standin;
  const creds = () => ({ url: odoo.url, db: odoo.db, login: odoo.login, apiKey: odoo.apiKey });

  beforeAll(async () => {
    odoo = await startStandin({ odooVersion });
  });
  afterAll(() => odoo.stop());

  it('detects the version and adapts to its field set', async () => {
    const session = await connectOdoo(creds());
    expect(session.schema.version.major).toBe(odooVersion);
    expect(session.transport).toBe(odooVersion >= 19 ? 'json2' : 'xmlrpc');
    expect(session.schema.storable).toEqual(
      odooVersion >= 18 ? { type: 'consu', is_storable: true } : { detailed_type: 'product' },
    );
    expect(session.schema.lineUomField).toBe(odooVersion >= 19 ? 'product_uom_id' : 'product_uom');
  });

  it.each(['xmlrpc', 'json2'] as const)('creates, searches and reads over %s', async (kind) => {
    const { client, schema } = await connectOdoo(creds(), kind);
    const id = await client.create('product.product', {
      name: `Pan ${kind}`,
      default_code: `PAN-${kind}`,
      lst_price: 4.5,
      ...schema.storable,
    });
    const found = await client.searchRead(
      'product.product',
      [['default_code', '=', `PAN-${kind}`]],
      ['name', 'lst_price', 'qty_available'],
    );
    expect(found).toEqual([{ id, name: `Pan ${kind}`, lst_price: 4.5, qty_available: 0 }]);
    expect(await client.read('product.product', [987_654], ['name'])).toEqual([]);
  });

  it.each(['xmlrpc', 'json2'] as const)(
    'says what to do when the API key is wrong (%s)',
    async (kind) => {
      const error = await failure(connectOdoo({ ...creds(), apiKey: 'wrong' }, kind));
      expect(error.code).toBe('odoo_auth_failed');
      expect(error.status).toBe(422);
      expect(error.hint).toMatch(/API Key/);
    },
  );

  it('maps a missing record to a user error naming the model', async () => {
    const { client } = await connectOdoo(creds());
    const error = await failure(client.write('sale.order', [424_242], { note: 'x' }));
    expect(error.code).toBe('odoo_rejected');
    expect(error.message).toContain('sale.order.write');
    if (odooVersion < 19) expect(error.message).toContain('Record does not exist');
  });

  it('maps an unexpected fault to the last line of its traceback', async () => {
    const { client } = await connectOdoo(creds());
    const error = await failure(client.create('res.partner', { name: 'A', nonsense: 1 }));
    expect(error.code).toBe(odooVersion >= 19 ? 'odoo_rejected' : 'odoo_error');
    expect(error.message).toContain("Invalid field 'nonsense'");
    expect(error.message).not.toContain('Traceback');
  });
});

describe('Odoo connector edge cases', () => {
  it('treats "cannot marshal None" after action_confirm as done, because Odoo committed', async () => {
    const odoo = await startStandin({ odooVersion: 16, confirmReturnsNone: true });
    try {
      const { client } = await connectOdoo(odoo);
      const partner = await client.create('res.partner', { name: 'Ana' });
      const order = await client.create('sale.order', { partner_id: partner });
      await client.action('sale.order', 'action_confirm', [order]);
      const [read] = await client.read('sale.order', [order], ['state']);
      expect(read?.state).toBe('sale');
    } finally {
      await odoo.stop();
    }
  });

  it('reports an access error with the rights to grant', async () => {
    const odoo = await startStandin({ odooVersion: 17, deny: ['mrp.production'] });
    try {
      const { client } = await connectOdoo(odoo);
      const error = await failure(client.searchRead('mrp.production', [], ['name']));
      expect(error.code).toBe('odoo_access_error');
      expect(error.hint).toMatch(/Manufacturing/);
    } finally {
      await odoo.stop();
    }
  });

  it('reports a stopped Odoo as unavailable (retryable) and a wrong URL as configuration', async () => {
    const odoo = await startStandin();
    await odoo.stop();
    const down = await failure(connectOdoo(odoo));
    expect(down.code).toBe('odoo_unavailable');
    expect(down.status).toBe(503);
    expect(down.message).toContain('ECONNREFUSED');

    const other = await startStandin();
    try {
      const wrong = await failure(connectOdoo({ ...other, url: `${other.url}/web` }));
      expect(wrong.code).toBe('odoo_bad_url');
      const db = await failure(connectOdoo({ ...other, db: 'nope' }));
      expect(db.message).toContain('database "nope" does not exist');
    } finally {
      await other.stop();
    }
  });
});
