import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { CapturedMail } from './capture-smtp.ts';

export interface MailboxEntry {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  messageId: string | undefined;
  parsed: ParsedMail;
}

/** Captured mail kept as .eml files in the data dir, so it survives a restart. */
export class MailboxStore {
  readonly #dir: string;
  readonly #entries: MailboxEntry[] = [];

  private constructor(dir: string) {
    this.#dir = dir;
  }

  static async open(dir: string): Promise<MailboxStore> {
    mkdirSync(dir, { recursive: true });
    const mailbox = new MailboxStore(dir);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .sort();
    for (const file of files) {
      const raw = readFileSync(join(dir, file));
      mailbox.#add(
        file.replace(/\.eml$/, ''),
        await simpleParser(raw),
        new Date(Number(file.split('-')[0])),
      );
    }
    return mailbox;
  }

  #add(id: string, parsed: ParsedMail, receivedAt: Date, envelopeTo?: string[]): MailboxEntry {
    const to = Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : [];
    const entry: MailboxEntry = {
      id,
      receivedAt: receivedAt.toISOString(),
      from: parsed.from?.text ?? '',
      to: envelopeTo ?? to.flatMap((a) => a.value.map((v) => v.address ?? '')),
      subject: parsed.subject ?? '',
      messageId: parsed.messageId,
      parsed,
    };
    this.#entries.push(entry);
    return entry;
  }

  save(mail: CapturedMail): MailboxEntry {
    const id = `${mail.receivedAt.getTime()}-${this.#entries.length.toString().padStart(6, '0')}`;
    writeFileSync(join(this.#dir, `${id}.eml`), mail.raw);
    return this.#add(id, mail.parsed, mail.receivedAt, mail.envelopeTo);
  }

  /** Newest first. */
  list(): MailboxEntry[] {
    return [...this.#entries].reverse();
  }

  get(id: string): MailboxEntry | undefined {
    return this.#entries.find((e) => e.id === id);
  }
}
