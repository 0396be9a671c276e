import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from '../../shared/catalog/markdown.ts';

describe('renderMarkdown', () => {
  it('keeps formatting, lists and http links', () => {
    const html = renderMarkdown(
      '**Pan** de *masa madre*\n\n- uno\n- dos\n\n[web](https://a.example)',
    );
    expect(html).toContain('<strong>Pan</strong>');
    expect(html).toContain('<li>uno</li>');
    expect(html).toContain(
      '<a href="https://a.example" rel="nofollow noopener noreferrer">web</a>',
    );
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>', /<script/i],
    ['an onerror handler', '<img src=x onerror="alert(1)">', /onerror/i],
    ['a javascript: Markdown link', '[x](javascript:alert(1))', /javascript:/i],
    ['a javascript: HTML link', '<a href="JaVaScRiPt:alert(1)">x</a>', /javascript:/i],
    ['an encoded javascript: link', '<a href="&#106;avascript:alert(1)">x</a>', /avascript:/i],
    ['an svg onload', '<svg onload="alert(1)"></svg>', /onload|<svg/i],
    [
      'an inline style',
      '<p style="background:url(javascript:alert(1))">x</p>',
      /style=|javascript/i,
    ],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', /<iframe/i],
  ])('renders %s inert', (_name, input, forbidden) => {
    expect(renderMarkdown(`Texto\n\n${input}\n\nfin`)).not.toMatch(forbidden);
  });

  it('skips the filter only for Markdown where filtering changes nothing', () => {
    const plain = '**Pan** de *masa madre*, 500 g.\n\n- uno "dos"\n- tres\n\n> cita';
    expect(renderMarkdown(plain)).toBe(
      sanitizeHtml(new Marked().parse(plain) as string, {
        allowedTags: ['p', 'strong', 'em', 'ul', 'li', 'blockquote'],
        allowedAttributes: {},
      }),
    );
  });

  it('turns a top-level heading into h2 so the page keeps one h1', () => {
    expect(renderMarkdown('# Título')).toBe('<h2>Título</h2>\n');
  });
});

describe('markdownToText', () => {
  it('strips markup and decodes entities for meta descriptions', () => {
    expect(markdownToText('**Pan** & <b>miel</b>\n\n- uno')).toBe('Pan & miel uno');
  });

  it('cuts long text at the limit with an ellipsis', () => {
    expect(markdownToText('palabra '.repeat(100), 20)).toHaveLength(20);
  });
});
