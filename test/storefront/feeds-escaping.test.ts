import { describe, expect, it } from 'vitest';
import { generateSnapshot } from '../../bench/scenarios/build.generate.ts';
import { googleMerchantFeed } from '../../web/storefront/src/lib/feeds.ts';

describe('Google Merchant feed escaping', () => {
  it('escapes markup and drops the control characters XML 1.0 forbids', () => {
    const snapshot = generateSnapshot(3);
    const product = snapshot.products[1]!;
    product.title.es = 'Pan & <miel> "del\u0001 norte"\u0008\u000b';
    product.description.es = 'Tarta\u001f de <b>queso</b> & fresa\u0007';

    const feed = googleMerchantFeed(snapshot, 'es');

    expect(feed).toContain('<g:title>Pan &amp; &lt;miel&gt; &quot;del norte&quot;');
    expect(feed).toContain('<g:description>Tarta de queso &amp; fresa</g:description>');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that must be gone.
    expect(feed).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    // Every variant of a product carries its description, escaped once and shared.
    const items = feed.split('<item>').slice(1);
    expect(items.length).toBe(snapshot.products.flatMap((p) => p.variants).length);
  });
});
