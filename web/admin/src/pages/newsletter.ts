import type { Campaign, CampaignContent } from '../../../../shared/newsletter/campaign.ts';
import type { Subscriber } from '../../../../shared/newsletter/subscriber.ts';
import { api } from '../api.ts';
import { announce, field, h, input, replace, select } from '../dom.ts';
import { attempt } from '../shell.ts';
import { nt } from './newsletter-texts.ts';

interface ProductSummary {
  id: string;
  status: string;
  title: { es: string; en?: string };
}

/** Subscribers, campaigns and a composer with desktop/mobile preview, test send and send. */
export async function renderNewsletter(main: HTMLElement): Promise<void> {
  const subscribers = h('section', { 'aria-labelledby': 'nl-subs' });
  const campaigns = h('section', { 'aria-labelledby': 'nl-campaigns' });
  const composer = h('section', { 'aria-labelledby': 'nl-compose' });
  replace(main, h('h1', {}, nt('title')), subscribers, campaigns, composer);
  await Promise.all([
    renderSubscribers(subscribers),
    renderCampaigns(campaigns),
    renderComposer(composer, () => renderCampaigns(campaigns)),
  ]);
}

async function renderSubscribers(section: HTMLElement): Promise<void> {
  const q = input({ type: 'search', name: 'q' });
  const results = h('div');
  const load = async () => {
    const query = q.value ? `?q=${encodeURIComponent(q.value)}` : '';
    const page = await api<{ subscribers: (Subscriber & { id: string })[] }>(
      'GET',
      `/newsletter/subscribers${query}`,
    );
    replace(results, subscriberTable(page.subscribers));
  };
  const file = input({ type: 'file', accept: '.csv,text/csv' });
  file.addEventListener('change', () =>
    attempt(async () => {
      const csv = await file.files?.[0]?.text();
      if (!csv) return;
      const result = await api<{ imported: number; skipped: number; invalid: unknown[] }>(
        'POST',
        '/newsletter/subscribers/import',
        csv,
      );
      announce(nt('imported', { n: result.imported, s: result.skipped, e: result.invalid.length }));
      await load();
    }),
  );
  replace(
    section,
    h('h2', { id: 'nl-subs' }, nt('subscribers')),
    h(
      'form',
      {
        role: 'search',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void attempt(load);
        },
      },
      field(nt('search'), q),
    ),
    h('p', {}, h('a', { href: '/api/admin/newsletter/subscribers/export' }, nt('export'))),
    field(nt('import'), file),
    results,
  );
  await load();
}

function subscriberTable(list: Subscriber[]): HTMLElement {
  if (list.length === 0) return h('p', {}, nt('none'));
  return h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [nt('email'), nt('status'), nt('language'), nt('tags')].map((c) =>
          h('th', { scope: 'col' }, c),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      list.map((s) =>
        h(
          'tr',
          {},
          h('td', {}, s.email),
          h('td', {}, s.status),
          h('td', {}, s.locale),
          h('td', {}, s.tags.join(', ')),
        ),
      ),
    ),
  );
}

async function renderCampaigns(section: HTMLElement): Promise<void> {
  const { campaigns } = await api<{ campaigns: Campaign[] }>('GET', '/newsletter/campaigns');
  const act = (id: string, action: string) => () =>
    attempt(async () => {
      await api('POST', `/newsletter/campaigns/${id}/${action}`, {});
      await renderCampaigns(section);
    });
  const rows = campaigns.map((c) =>
    h(
      'li',
      { 'data-campaign': c.id },
      h('strong', {}, c.name),
      ` — ${c.status} — `,
      nt('stats', c.stats),
      c.status === 'sending' || c.status === 'scheduled'
        ? h('button', { type: 'button', onclick: act(c.id, 'pause') }, nt('pause'))
        : null,
      c.status === 'paused'
        ? h('button', { type: 'button', onclick: act(c.id, 'resume') }, nt('resume'))
        : null,
      ['draft', 'scheduled', 'sending', 'paused'].includes(c.status)
        ? h('button', { type: 'button', onclick: act(c.id, 'cancel') }, nt('cancel'))
        : null,
    ),
  );
  replace(
    section,
    h('h2', { id: 'nl-campaigns' }, nt('campaigns')),
    rows.length ? h('ul', {}, rows) : h('p', {}, nt('none')),
  );
}

async function renderComposer(section: HTMLElement, refresh: () => Promise<void>): Promise<void> {
  const { products } = await api<{ products: ProductSummary[] }>('GET', '/products?limit=100');
  const name = input({ required: true, value: 'Boletín' });
  const subjectEs = input({ required: true });
  const subjectEn = input();
  const heading = input();
  const body = h('textarea', { rows: 5 });
  const buttonLabel = input();
  const buttonHref = input({ placeholder: 'https://…' });
  const segment = select(
    [
      ['all', nt('segmentAll')],
      ['tag', nt('segmentTag')],
    ],
    'all',
  );
  const tag = input();
  const testTo = input({ type: 'email' });
  const picks = products
    .filter((p) => p.status === 'active')
    .map((p) => ({ id: p.id, box: input({ type: 'checkbox', value: p.id }), title: p.title.es }));
  const desktop = h('iframe', { title: nt('desktop'), width: 620, height: 600, sandbox: '' });
  const mobile = h('iframe', { title: nt('mobile'), width: 375, height: 600, sandbox: '' });
  let campaignId: string | undefined;

  const content = (): CampaignContent => {
    const text = (es: string, en: string) => (en ? { es, en } : { es });
    const blocks: CampaignContent['blocks'] = [];
    if (heading.value) blocks.push({ type: 'heading', text: { es: heading.value } });
    if (body.value) blocks.push({ type: 'text', markdown: { es: body.value } });
    const chosen = picks.filter((p) => p.box.checked).map((p) => p.id);
    if (chosen.length) blocks.push({ type: 'products', productIds: chosen });
    if (buttonLabel.value && buttonHref.value) {
      blocks.push({ type: 'button', label: { es: buttonLabel.value }, href: buttonHref.value });
    }
    return {
      name: name.value,
      subject: text(subjectEs.value, subjectEn.value),
      blocks,
      segment: segment.value === 'tag' ? { kind: 'tag', tag: tag.value } : { kind: 'all' },
    };
  };
  const save = async (): Promise<string> => {
    const saved = campaignId
      ? await api<Campaign>('PUT', `/newsletter/campaigns/${campaignId}`, content())
      : await api<Campaign>('POST', '/newsletter/campaigns', content());
    campaignId = saved.id;
    return saved.id;
  };
  const button = (label: string, action: () => Promise<void>) =>
    h('button', { type: 'button', onclick: () => void attempt(action) }, label);

  replace(
    section,
    h('h2', { id: 'nl-compose' }, nt('compose')),
    button(nt('newProducts'), async () => {
      const draft = await api<Campaign>('POST', '/newsletter/campaigns/draft-new-products', {
        days: 14,
      });
      campaignId = draft.id;
      name.value = draft.name;
      subjectEs.value = draft.subject.es;
      subjectEn.value = draft.subject.en ?? '';
      const ids = draft.blocks.flatMap((b) => (b.type === 'products' ? b.productIds : []));
      for (const p of picks) p.box.checked = ids.includes(p.id);
    }),
    field(nt('name'), name),
    field(nt('subjectEs'), subjectEs),
    field(nt('subjectEn'), subjectEn),
    field(nt('heading'), heading),
    field(nt('body'), body),
    h(
      'fieldset',
      {},
      h('legend', {}, nt('products')),
      picks.map((p) => field(p.title, p.box)),
    ),
    field(nt('buttonLabel'), buttonLabel),
    field(nt('buttonHref'), buttonHref),
    field(nt('segment'), segment),
    field(nt('tag'), tag),
    button(nt('preview'), async () => {
      const email = await api<{ html: string }>('POST', '/newsletter/campaigns/preview', {
        content: content(),
        locale: 'es',
      });
      desktop.srcdoc = email.html;
      mobile.srcdoc = email.html;
    }),
    h(
      'div',
      {
        class: 'previews',
        style: 'display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start;margin:1rem 0',
      },
      desktop,
      mobile,
    ),
    field(nt('testTo'), testTo),
    button(nt('sendTest'), async () => {
      const id = await save();
      await api('POST', `/newsletter/campaigns/${id}/test`, { to: testTo.value });
      announce(nt('testSent'));
    }),
    button(nt('save'), async () => {
      await save();
      announce(nt('saved'));
      await refresh();
    }),
    button(nt('send'), async () => {
      const id = await save();
      await api('POST', `/newsletter/campaigns/${id}/send`, {});
      announce(nt('sending'));
      campaignId = undefined;
      await refresh();
    }),
  );
}
