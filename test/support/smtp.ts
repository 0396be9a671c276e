import { type CapturedMail, startCaptureSmtp } from '../../functions/local/capture-smtp.ts';

/** A real SMTP server for a test file; `mails` fills as messages arrive. */
export async function startTestSmtp(rejectRecipient?: (address: string) => number | undefined) {
  const mails: CapturedMail[] = [];
  const server = await startCaptureSmtp({
    onMail: (mail) => {
      mails.push(mail);
    },
    ...(rejectRecipient ? { rejectRecipient } : {}),
  });
  return {
    url: server.url,
    mails,
    close: server.close,
    /** Waits until `count` messages arrived (or fails after `ms`). */
    async waitFor(count: number, ms = 10_000): Promise<CapturedMail[]> {
      const deadline = Date.now() + ms;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${mails.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return mails;
    },
  };
}
