import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  raw: Buffer;
  parsed: ParsedMail;
  envelopeTo: string[];
  receivedAt: Date;
}

export interface CaptureServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export interface CaptureOptions {
  port?: number;
  onMail: (mail: CapturedMail) => void | Promise<void>;
  /** Returns an SMTP code (e.g. 550) to refuse a recipient, for bounce tests. */
  rejectRecipient?: (address: string) => number | undefined;
}

/**
 * A real SMTP server (smtp-server) that accepts every message on loopback and hands it,
 * parsed by mailparser, to `onMail`. The local stack's mailbox and the tests both use it.
 */
export async function startCaptureSmtp(options: CaptureOptions): Promise<CaptureServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: 25 * 1024 * 1024,
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = options.rejectRecipient?.(address.address);
      if (code) {
        const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: code });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        try {
          const raw = Buffer.concat(chunks);
          const parsed = await simpleParser(raw);
          await options.onMail({
            raw,
            parsed,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            receivedAt: new Date(),
          });
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
