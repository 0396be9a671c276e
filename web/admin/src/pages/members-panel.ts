import { api } from '../api.ts';
import { announce, field, h, input, replace, select } from '../dom.ts';
import { locale, t } from '../i18n.ts';
import type { Session } from '../shell.ts';
import { attempt } from '../shell.ts';

interface Member {
  userId: string;
  email: string;
  role: 'owner' | 'staff';
}

/** The shop's team; owners invite by email (a sign-in link is sent) and remove members. */
export function membersPanel(session: Session): HTMLElement {
  const owner = session.role === 'owner';
  const listBox = h('ul', { id: 'members' });

  async function load(): Promise<void> {
    const { members } = await api<{ members: Member[] }>('GET', '/members');
    replace(
      listBox,
      members.map((m) =>
        h(
          'li',
          {},
          `${m.email} · ${t(m.role === 'owner' ? 'members.owner' : 'members.staff')} `,
          owner && m.userId !== session.user.id
            ? h(
                'button',
                {
                  type: 'button',
                  onclick: () =>
                    void attempt(async () => {
                      await api('DELETE', `/members/${m.userId}`);
                      announce(t('members.removed', { email: m.email }));
                      await load();
                    }),
                },
                `${t('remove')} ${m.email}`,
              )
            : null,
        ),
      ),
    );
  }

  const email = input({ type: 'email', name: 'inviteEmail', required: true });
  const role = select(
    [
      ['staff', t('members.staff')],
      ['owner', t('members.owner')],
    ],
    'staff',
    { name: 'inviteRole' },
  );
  const form = h(
    'form',
    { class: 'inline' },
    field(t('signin.email'), email),
    field(t('members.role'), role),
    h('button', { type: 'submit' }, t('members.invite')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(async () => {
      await api('POST', '/members', { email: email.value, role: role.value, locale: locale() });
      announce(t('members.invited', { email: email.value }));
      email.value = '';
      await load();
    });
  });
  void attempt(load);
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'members-h' },
    h('h2', { id: 'members-h' }, t('members.title')),
    listBox,
    owner ? form : null,
  );
}
