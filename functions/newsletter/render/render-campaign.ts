import { Product } from '../../../shared/catalog/product.ts';
import { type Locale, pick } from '../../../shared/i18n/locale.ts';
import { formatMoney } from '../../../shared/money/money.ts';
import type { Block, CampaignContent, RenderedEmail } from '../../../shared/newsletter/campaign.ts';
import type { Deps } from '../../deps.ts';
import { escapeHtml, renderMjml } from '../../email/render-mjml.ts';
import type { Sender } from '../load-sender.ts';
import { emailLayout, PLACEHOLDER, textFooter } from './layout.ts';
import { markdownToHtml, markdownToText } from './markdown.ts';

type Products = Map<string, Product>;

/** Relative paths (`/sale`, `media/x.webp`) become absolute on the shop's site. */
export function absoluteUrl(sender: Sender, url: string): string {
  if (/^https?:\/\//.test(url)) return url;
  return `${sender.siteUrl}/${url.replace(/^\//, '')}`;
}

/** The storefront serves Spanish at the root and English under `/en`, with clean URLs. */
export function productUrl(sender: Sender, locale: Locale, product: Product): string {
  return `${sender.siteUrl}${locale === 'es' ? '' : `/${locale}`}/products/${product.slug}`;
}

async function loadProducts(deps: Deps, shopId: string, blocks: Block[]): Promise<Products> {
  const ids = [...new Set(blocks.flatMap((b) => (b.type === 'products' ? b.productIds : [])))];
  const snaps = await deps.store.getAll(ids.map((id) => `shops/${shopId}/products/${id}`));
  const products: Products = new Map();
  for (const snap of snaps) {
    const parsed = Product.safeParse(snap.data);
    if (parsed.success) products.set(parsed.data.id, parsed.data);
  }
  return products;
}

/**
 * Blocks → one MJML document → HTML, plus the plain-text part, for one language. Called once
 * per campaign and language; recipients get copies with their own links filled in.
 */
export async function renderCampaign(
  deps: Deps,
  sender: Sender,
  content: CampaignContent,
  locale: Locale,
): Promise<RenderedEmail> {
  const products = await loadProducts(deps, sender.shopId, content.blocks);
  const links: string[] = [];
  const track = sender.settings.tracking.clicks;
  const link = (url: string): string => {
    const target = absoluteUrl(sender, url);
    if (!track) return target;
    links.push(target);
    return `${sender.apiUrl}/c/${PLACEHOLDER.track}/${locale}-${links.length - 1}`;
  };

  const sections: string[] = [];
  const texts: string[] = [];
  for (const block of content.blocks) {
    const part = renderBlock(block, { sender, locale, products, link });
    sections.push(part.mjml);
    texts.push(part.text);
  }

  const mjml = emailLayout({
    locale,
    shopName: sender.shopName,
    ...(content.preheader ? { preheader: pick(content.preheader, locale) } : {}),
    body: `<mj-wrapper background-color="#ffffff" padding="0 0 16px">${sections.join('\n')}</mj-wrapper>`,
    ...(sender.settings.tracking.opens ? { openPixelUrl: `${sender.apiUrl}/o/` } : {}),
  });
  const html = await renderMjml(mjml);
  const text = `${texts.filter(Boolean).join('\n\n')}${textFooter(locale, sender.shopName)}`;
  return { subject: pick(content.subject, locale), html, text, links };
}

interface BlockContext {
  sender: Sender;
  locale: Locale;
  products: Products;
  link: (url: string) => string;
}

function section(inner: string): string {
  return `<mj-section padding="8px 16px"><mj-column>${inner}</mj-column></mj-section>`;
}

function renderBlock(block: Block, ctx: BlockContext): { mjml: string; text: string } {
  const { locale } = ctx;
  switch (block.type) {
    case 'heading': {
      const text = pick(block.text, locale);
      return {
        mjml: section(`<mj-text font-size="24px" font-weight="bold">${escapeHtml(text)}</mj-text>`),
        text: `${text}\n${'='.repeat(Math.min(text.length, 60))}`,
      };
    }
    case 'text': {
      const markdown = pick(block.markdown, locale);
      const html = markdownToHtml(markdown).replace(
        /href="([^"]*)"/g,
        (_m, href: string) => `href="${escapeHtml(ctx.link(href.replaceAll('&amp;', '&')))}"`,
      );
      return { mjml: section(`<mj-text>${html}</mj-text>`), text: markdownToText(markdown) };
    }
    case 'image': {
      const alt = pick(block.alt, locale);
      const src = absoluteUrl(ctx.sender, block.src);
      const href = block.href ? ` href="${escapeHtml(ctx.link(block.href))}"` : '';
      return {
        mjml: section(`<mj-image src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${href} />`),
        text: block.href ? `${alt} (${absoluteUrl(ctx.sender, block.href)})` : `[${alt}]`,
      };
    }
    case 'button': {
      const label = pick(block.label, locale);
      const target = absoluteUrl(ctx.sender, block.href);
      return {
        mjml: section(
          `<mj-button href="${escapeHtml(ctx.link(block.href))}" background-color="#222222">${escapeHtml(label)}</mj-button>`,
        ),
        text: `${label}: ${target}`,
      };
    }
    case 'products':
      return renderProducts(block.productIds, ctx);
  }
}

function renderProducts(ids: string[], ctx: BlockContext): { mjml: string; text: string } {
  const found = ids.map((id) => ctx.products.get(id)).filter((p): p is Product => !!p);
  const columns: string[] = [];
  const lines: string[] = [];
  for (const product of found) {
    const title = pick(product.title, ctx.locale);
    const cents = Math.min(...product.variants.map((v) => v.price));
    const price = formatMoney(cents, 'EUR', ctx.locale);
    const url = productUrl(ctx.sender, ctx.locale, product);
    const image = product.images[0];
    const img = image
      ? `<mj-image src="${escapeHtml(absoluteUrl(ctx.sender, image.src))}" alt="${escapeHtml(pick(image.alt, ctx.locale))}" href="${escapeHtml(ctx.link(url))}" />`
      : '';
    columns.push(
      `<mj-column width="${Math.floor(100 / Math.min(found.length, 3))}%">${img}` +
        `<mj-text align="center" font-weight="bold">${escapeHtml(title)}</mj-text>` +
        `<mj-text align="center">${escapeHtml(price)}</mj-text>` +
        `<mj-button href="${escapeHtml(ctx.link(url))}" background-color="#222222">${ctx.locale === 'es' ? 'Ver' : 'View'}</mj-button></mj-column>`,
    );
    lines.push(`${title} — ${price}\n${url}`);
  }
  const rows: string[] = [];
  for (let i = 0; i < columns.length; i += 3) {
    rows.push(`<mj-section padding="8px 16px">${columns.slice(i, i + 3).join('')}</mj-section>`);
  }
  return { mjml: rows.join('\n'), text: lines.join('\n\n') };
}
