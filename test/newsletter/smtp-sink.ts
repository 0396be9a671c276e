import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SunkMail {
  to: string[];
  messageId: string;
  /** The header block only (bodies are not kept: thousands of messages). */
  head: string;
}

/**
 * A light SMTP sink for volume tests: accepts everything, keeps recipients and headers, parses
 * nothing. Connections that a killed client drops are ignored, and close() does not wait.
 */
export async function startSmtpSink() {
  const mails: SunkMail[] = [];
  const messageIds = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const head = raw.slice(0, raw.search(/\r?\n\r?\n/));
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '';
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), messageId, head });
        messageIds.add(messageId);
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** Whether the sink accepted a message with this Message-ID (without angle brackets). */
    accepted: (messageId: string) => messageIds.has(`<${messageId}>`),
    async waitFor(count: number, ms = 30_000) {
      const deadline = Date.now() + ms;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${mails.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
