import type { ReplayClient } from './client.ts';
import { drainOutbox } from './orders.ts';

const BASE = '/api/admin/newsletter';

/** A subscriber list as a merchant would import it from their previous tool. */
function subscriberCsv(count: number): string {
  const rows = ['email,consent_source,consented_at,locale,tags'];
  for (let i = 0; i < count; i++) {
    const locale = i % 5 === 0 ? 'en' : 'es';
    rows.push(`suscriptor${i}@example.com,shop counter form 2025,2025-06-01,${locale},clientes`);
  }
  return `${rows.join('\n')}\n`;
}

function campaignContent(n: number) {
  return {
    name: `Novedades ${n}`,
    subject: { es: `Novedades del obrador (${n})`, en: `News from the bakery (${n})` },
    blocks: [
      { type: 'heading', text: { es: 'Esta semana', en: 'This week' } },
      {
        type: 'text',
        markdown: {
          es: 'Hemos horneado **pan de teff** y tarta de queso. ¡Os esperamos!',
          en: 'We baked **teff bread** and cheesecake. See you soon!',
        },
      },
    ],
    segment: { kind: 'all' },
  };
}

/**
 * Newsletter month: the list arrives by CSV import, then each campaign is created, scheduled
 * and sent by the batch job (as Cloud Scheduler would call it) until the campaign is sent,
 * with the outbox drained after. The merchant raises the shop's send rate to 200 per second.
 */
export async function replayCampaigns(
  client: ReplayClient,
  admin: Record<string, string>,
  options: { subscribers: number; campaigns: number },
): Promise<{ imported: unknown; sent: string[]; jobRuns: number }> {
  await client.request(`${BASE}/settings`, {
    method: 'PUT',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({ throttlePerSecond: 200 }),
  });
  const csv = subscriberCsv(options.subscribers);
  const imported = await client.request(`${BASE}/subscribers/import`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'text/csv' },
    body: csv,
  });

  const sent: string[] = [];
  let jobRuns = 0;
  for (let n = 1; n <= options.campaigns; n++) {
    const created = await client.json<{ id: string }>(`${BASE}/campaigns`, campaignContent(n), {
      headers: admin,
    });
    const id = created.data.id;
    await client.json(`${BASE}/campaigns/${id}/send`, {}, { headers: admin });
    let status = 'sending';
    for (let run = 0; run < 100 && status !== 'sent'; run++) {
      await client.json('/jobs/newsletter/send', undefined, { method: 'POST' });
      jobRuns++;
      const campaign = await client.json<{ status: string }>(`${BASE}/campaigns/${id}`, undefined, {
        headers: admin,
      });
      status = campaign.data.status;
    }
    sent.push(status);
    await drainOutbox(client);
  }
  return { imported: JSON.parse(imported.text), sent, jobRuns };
}
