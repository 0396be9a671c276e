import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Merchant Markdown to HTML that is safe to inline in a page: marked renders, then
 * sanitize-html keeps an allow-list of tags and attributes. Scripts, event handlers, inline
 * styles, iframes and non-http(s)/mailto/tel links are removed; raw HTML in the Markdown goes
 * through the same filter.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'b',
    'i',
    'u',
    's',
    'ul',
    'ol',
    'li',
    'blockquote',
    'h2',
    'h3',
    'h4',
    'a',
    'code',
    'pre',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Headings start below the page's own h1; links to elsewhere leave without a referrer.
    h1: 'h2',
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
  },
};

/** A build renders each description for its page, JSON-LD and feeds: parse it once. */
const rendered = new Map<string, string>();
const MAX_CACHED = 20_000;
const PLAIN = /^[^<>[\]:&#]*$/;

export function renderMarkdown(markdown: string): string {
  const hit = rendered.get(markdown);
  if (hit !== undefined) return hit;
  const parsed = marked.parse(markdown) as string;
  // Without raw HTML, links, URLs, entities or headings, marked output needs no filtering.
  const html = PLAIN.test(markdown) ? parsed : sanitizeHtml(parsed, OPTIONS);
  if (rendered.size >= MAX_CACHED) rendered.clear();
  rendered.set(markdown, html);
  return html;
}

/** The page's meta description, its JSON-LD and both feeds ask for the same text. */
const plainText = new Map<string, string>();

/**
 * Plain text of a Markdown description, for meta descriptions and feeds. Tags are stripped
 * from the already sanitised HTML; the caller escapes the text for its own output.
 */
export function markdownToText(markdown: string, maxLength = 5000): string {
  let text = plainText.get(markdown);
  if (text === undefined) {
    text = decodeEntities(renderMarkdown(markdown).replace(/<[^>]*>/g, ' '))
      .replace(/\s+/g, ' ')
      .trim();
    if (plainText.size >= MAX_CACHED) plainText.clear();
    plainText.set(markdown, text);
  }
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m) => ENTITIES[m] ?? m);
}
