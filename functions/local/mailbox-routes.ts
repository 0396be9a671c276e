import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { MailboxStore } from './mailbox-store.ts';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}
iframe{border:1px solid #ccc;width:100%;height:70vh}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}`;

function page(title: string, body: unknown) {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>${raw(STYLE)}</style></head><body>${body}</body></html>`;
}

/**
 * The local mailbox: every email the stack sends, newest first. `/mailbox/api/messages` is the
 * same list as JSON (tests read links from it).
 */
export function createMailboxRoutes(mailbox: MailboxStore): Hono {
  const app = new Hono();

  app.get('/mailbox', (c) => {
    const rows = mailbox.list().map(
      (m) => html`<tr><td><a href="/mailbox/${m.id}">${m.subject || '(no subject)'}</a></td>
<td>${m.to.join(', ')}</td><td>${m.from}</td><td><time>${m.receivedAt}</time></td></tr>`,
    );
    return c.html(
      page(
        'Local mailbox · Kontá',
        html`<main><h1>Local mailbox</h1><p>${rows.length} messages sent by the local stack.</p>
<table><thead><tr><th>Subject</th><th>To</th><th>From</th><th>Received</th></tr></thead>
<tbody>${rows}</tbody></table></main>`,
      ),
    );
  });

  app.get('/mailbox/api/messages', (c) =>
    c.json(
      mailbox.list().map((m) => ({
        id: m.id,
        receivedAt: m.receivedAt,
        from: m.from,
        to: m.to,
        subject: m.subject,
        messageId: m.messageId,
        text: m.parsed.text ?? '',
        html: typeof m.parsed.html === 'string' ? m.parsed.html : '',
        headers: Object.fromEntries(m.parsed.headerLines.map((h) => [h.key, h.line])),
      })),
    ),
  );

  app.get('/mailbox/:id/html', (c) => {
    const mail = mailbox.get(c.req.param('id'));
    if (!mail) return c.notFound();
    c.header(
      'Content-Security-Policy',
      "default-src 'none'; img-src * data:; style-src 'unsafe-inline'",
    );
    return c.html(typeof mail.parsed.html === 'string' ? mail.parsed.html : '');
  });

  app.get('/mailbox/:id', (c) => {
    const mail = mailbox.get(c.req.param('id'));
    if (!mail) return c.notFound();
    const headers = mail.parsed.headerLines.map((h) => h.line).join('\n');
    return c.html(
      page(
        `${mail.subject} · mailbox`,
        html`<main><p><a href="/mailbox">← All messages</a></p><h1>${mail.subject}</h1>
<p>To ${mail.to.join(', ')} · from ${mail.from}</p>
<iframe title="HTML part" sandbox src="/mailbox/${mail.id}/html"></iframe>
<h2>Text part</h2><pre>${mail.parsed.text ?? ''}</pre>
<details><summary>Headers</summary><pre>${headers}</pre></details></main>`,
      ),
    );
  });

  return app;
}
