import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../functions/core/errors.ts';
import { drainOutbox, retryDeadEvent } from '../../functions/outbox/drain-outbox.ts';
import { enqueue } from '../../functions/outbox/enqueue.ts';
import type { OutboxEvent } from '../../functions/outbox/event.ts';
import { sendEmailHandler } from '../../functions/outbox/send-email.ts';
import { createTestDeps } from '../support/deps.ts';
import { startTestSmtp } from '../support/smtp.ts';

describe('outbox', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let t: Awaited<ReturnType<typeof createTestDeps>>;

  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  beforeEach(async () => {
    t = await createTestDeps({ smtpUrl: smtp.url });
  });
  afterEach(async () => {
    await t.close();
  });
  afterAll(async () => {
    await smtp.close();
  });

  const message = {
    from: 'Horno <shop@example.com>',
    to: 'ana@example.com',
    subject: 'Pedido BF-1001 confirmado',
    html: '<p>Gracias</p>',
    text: 'Gracias',
  };

  it('sends an email enqueued in a committed transaction, exactly once', async () => {
    const { deps } = t;
    await deps.store.runTransaction(async (tx) => {
      tx.set('shops/s1/orders/o1', { status: 'paid' });
      enqueue(
        tx,
        { type: 'email.send', shopId: 's1', key: 'o1:paid', payload: { message } },
        deps.clock.now(),
      );
    });

    const first = await drainOutbox(deps, { 'email.send': sendEmailHandler });
    const second = await drainOutbox(deps, { 'email.send': sendEmailHandler });

    expect(first).toEqual({ done: 1, retried: 0, dead: 0 });
    expect(second).toEqual({ done: 0, retried: 0, dead: 0 });
    const mails = await smtp.waitFor(1);
    expect(mails[0]!.parsed.subject).toBe('Pedido BF-1001 confirmado');
    expect(mails[0]!.parsed.messageId).toMatch(/@konta>$/);
  });

  it('writes no event when the transaction rolls back', async () => {
    const { deps } = t;
    await expect(
      deps.store.runTransaction(async (tx) => {
        enqueue(
          tx,
          { type: 'email.send', shopId: 's1', key: 'rollback', payload: { message } },
          deps.clock.now(),
        );
        throw new Error('payment declined');
      }),
    ).rejects.toThrow('payment declined');
    const events = await deps.store.query<OutboxEvent>({
      collection: 'outbox',
      where: [{ field: 'key', op: '==', value: 'rollback' }],
    });
    expect(events).toHaveLength(0);
  });

  it('refuses to enqueue the same idempotency key twice', async () => {
    const { deps } = t;
    const once = () =>
      deps.store.runTransaction(async (tx) => {
        enqueue(tx, { type: 'x', shopId: 's1', key: 'same', payload: {} }, deps.clock.now());
      });
    await once();
    await expect(once()).rejects.toMatchObject({ code: 'already_exists' });
  });

  it('retries a failing handler with backoff, then dead-letters a permanent failure', async () => {
    const { deps, clock } = t;
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1) throw new AppError('upstream_unavailable');
      throw new AppError('unauthenticated', { message: 'Wrong Odoo credentials' });
    };
    await deps.store.runTransaction(async (tx) => {
      enqueue(tx, { type: 'odoo.test', shopId: 's1', key: 'k1', payload: {} }, deps.clock.now());
    });

    expect(await drainOutbox(deps, { 'odoo.test': flaky })).toEqual({
      done: 0,
      retried: 1,
      dead: 0,
    });
    expect(await drainOutbox(deps, { 'odoo.test': flaky })).toEqual({
      done: 0,
      retried: 0,
      dead: 0,
    });
    clock.advance(60 * 60 * 1000);
    expect(await drainOutbox(deps, { 'odoo.test': flaky })).toEqual({
      done: 0,
      retried: 0,
      dead: 1,
    });

    const [dead] = await deps.store.query<OutboxEvent>({
      collection: 'outbox',
      where: [{ field: 'status', op: '==', value: 'dead' }],
    });
    expect(dead!.data!.lastError).toBe('Wrong Odoo credentials');

    await retryDeadEvent(deps, 's1', dead!.id);
    expect(await drainOutbox(deps, { 'odoo.test': async () => {} })).toMatchObject({ done: 1 });
  });
});
