import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: true, async: false });

const ALLOWED = {
  allowedTags: ['p', 'br', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'blockquote', 'h3', 'h4'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['https', 'http', 'mailto'],
};

/** Merchant Markdown → sanitised HTML for an email; raw HTML in the source is stripped. */
export function markdownToHtml(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown) as string, ALLOWED);
}

/** Markdown → readable plain text: links become `text (url)`, markup is dropped. */
export function markdownToText(markdown: string): string {
  const withLinks = markdown.replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 ($2)');
  return sanitizeHtml(withLinks, { allowedTags: [], allowedAttributes: {} })
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/(\*\*|__|\*|_|`)/g, '')
    .replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .trim();
}
