import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApi } from '../../functions/apps/admin-api.ts';
import { adminRequest, signInMember } from '../support/admin-session.ts';
import { createTestDeps } from '../support/deps.ts';
import { startTestSmtp } from '../support/smtp.ts';

describe('admin members', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let t: Awaited<ReturnType<typeof createTestDeps>>;
  let app: ReturnType<typeof createAdminApi>;

  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  beforeEach(async () => {
    smtp.mails.length = 0;
    t = await createTestDeps({ smtpUrl: smtp.url });
    app = createAdminApi(t.deps);
  });
  afterEach(async () => {
    await t.close();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('lets an owner invite staff, who get a link; staff cannot invite or remove', async () => {
    const owner = await signInMember(t.deps, 'bakery', 'owner', 'ana@example.com');
    const invite = { email: 'luis@example.com', role: 'staff', locale: 'en' };
    const res = await adminRequest(app, owner.headers, 'POST', '/api/admin/members', invite);
    expect(res.status).toBe(201);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelopeTo).toEqual(['luis@example.com']);
    expect(mail!.parsed.subject).toBe('Your Kontá sign-in link');

    const list = await adminRequest(app, owner.headers, 'GET', '/api/admin/members');
    const { members } = (await list.json()) as { members: { email: string; role: string }[] };
    expect(members.map((m) => [m.email, m.role]).sort()).toEqual([
      ['ana@example.com', 'owner'],
      ['luis@example.com', 'staff'],
    ]);

    const staff = await signInMember(t.deps, 'bakery', 'staff', 'eva@example.com');
    const denied = await adminRequest(app, staff.headers, 'POST', '/api/admin/members', invite);
    expect(denied.status).toBe(403);
    const remove = `/api/admin/members/${owner.userId}`;
    expect((await adminRequest(app, staff.headers, 'DELETE', remove)).status).toBe(403);
  });

  it('removes a member, whose session stops working at once; an owner cannot remove themself', async () => {
    const owner = await signInMember(t.deps, 'bakery', 'owner');
    const staff = await signInMember(t.deps, 'bakery', 'staff');
    expect((await adminRequest(app, staff.headers, 'GET', '/api/admin/products')).status).toBe(200);

    const res = await adminRequest(
      app,
      owner.headers,
      'DELETE',
      `/api/admin/members/${staff.userId}`,
    );
    expect(res.status).toBe(204);
    expect((await adminRequest(app, staff.headers, 'GET', '/api/admin/products')).status).toBe(403);
    const self = await adminRequest(
      app,
      owner.headers,
      'DELETE',
      `/api/admin/members/${owner.userId}`,
    );
    expect(self.status).toBe(409);
    const user = await t.deps.store.get(`users/${staff.userId}`);
    expect(user.data?.shops).toEqual({});
  });

  it('moves the session of a removed member to another shop they belong to', async () => {
    const owner = await signInMember(t.deps, 'bakery', 'owner');
    const staff = await signInMember(t.deps, 'bakery', 'staff', 'eva@example.com');
    await signInMember(t.deps, 'prints', 'staff', 'eva@example.com');
    await adminRequest(app, owner.headers, 'DELETE', `/api/admin/members/${staff.userId}`);

    const refused = await adminRequest(app, staff.headers, 'GET', '/api/admin/products');
    expect(refused.status).toBe(403);
    const session = await adminRequest(app, staff.headers, 'GET', '/api/admin/session');
    expect(await session.json()).toMatchObject({ shopId: 'prints', role: 'staff' });
  });
});
