import { marked } from 'marked';

/**
 * Renders the merchant's Markdown the way the storefront will (HTML in the source is shown as
 * text, as the storefront's sanitiser would drop it), for the preview next to the editor.
 */
export function previewMarkdown(markdown: string, target: HTMLElement): void {
  const escaped = markdown.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const doc = new DOMParser().parseFromString(
    String(marked.parse(escaped, { async: false })),
    'text/html',
  );
  for (const link of doc.querySelectorAll('a')) {
    if (!/^(https?:|mailto:|\/|#)/i.test(link.getAttribute('href') ?? ''))
      link.removeAttribute('href');
  }
  target.replaceChildren(...doc.body.childNodes);
}
