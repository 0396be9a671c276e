import { api } from '../api.ts';
import { announce, field, h, input, replace } from '../dom.ts';
import { t } from '../i18n.ts';
import { attempt } from '../shell.ts';
import type { Image, Product } from './product-edit.ts';

const srcOf = (image: Image) =>
  image.src.startsWith('media/') ? `/api/admin/${image.src}` : image.src;

/** Image list with alt text, order and removal; uploads go straight to the product. */
export function imagesEditor(product: Product) {
  let images: Image[] = product.images.map((i) => ({ ...i, alt: { ...i.alt } }));
  const listBox = h('ol', { class: 'images' });

  function move(index: number, by: number): void {
    const target = index + by;
    if (target < 0 || target >= images.length) return;
    [images[index], images[target]] = [images[target]!, images[index]!];
    render();
  }

  function render(): void {
    replace(
      listBox,
      images.map((image, i) => {
        const altEs = input({ value: image.alt.es, name: `alt-es-${i}` });
        altEs.addEventListener('input', () => {
          image.alt.es = altEs.value;
        });
        const altEn = input({ value: image.alt.en ?? '', name: `alt-en-${i}` });
        altEn.addEventListener('input', () => {
          if (altEn.value) image.alt.en = altEn.value;
          else delete image.alt.en;
        });
        const n = i + 1;
        return h(
          'li',
          {},
          h('img', {
            src: srcOf(image),
            alt: image.alt.es,
            width: 96,
            height: Math.round((96 * image.height) / image.width),
          }),
          field(`${t('edit.altEs')} ${n}`, altEs),
          field(`${t('edit.altEn')} ${n}`, altEn),
          h(
            'div',
            { class: 'row' },
            h(
              'button',
              { type: 'button', onclick: () => move(i, -1), disabled: i === 0 },
              `${t('moveUp')} ${n}`,
            ),
            h(
              'button',
              { type: 'button', onclick: () => move(i, 1), disabled: i === images.length - 1 },
              `${t('moveDown')} ${n}`,
            ),
            h(
              'button',
              {
                type: 'button',
                onclick: () => {
                  images.splice(i, 1);
                  render();
                },
              },
              `${t('remove')} ${n}`,
            ),
          ),
        );
      }),
    );
  }
  render();

  const file = input({ type: 'file', name: 'file', accept: 'image/jpeg,image/png,image/webp' });
  const altEs = input({ name: 'altEs' });
  const altEn = input({ name: 'altEn' });
  const upload = h('button', { type: 'button' }, t('edit.upload'));
  upload.addEventListener('click', () =>
    attempt(async () => {
      const chosen = file.files?.[0];
      if (!chosen || !product.id) return;
      const form = new FormData();
      form.set('file', chosen);
      form.set('altEs', altEs.value);
      if (altEn.value) form.set('altEn', altEn.value);
      const saved = await api<Product>('POST', `/products/${product.id}/images`, form);
      product.updatedAt = saved.updatedAt;
      const added = saved.images.at(-1);
      if (added) images.push(added);
      render();
      file.value = '';
      altEs.value = '';
      altEn.value = '';
      announce(t('edit.uploaded'));
    }),
  );

  const el = h(
    'fieldset',
    {},
    h('legend', {}, t('edit.images')),
    listBox,
    product.id
      ? h(
          'div',
          { class: 'upload' },
          field(t('edit.imageFile'), file),
          field(t('edit.altEs'), altEs),
          field(t('edit.altEn'), altEn),
          upload,
        )
      : h('p', {}, t('edit.saveFirst')),
  );
  return {
    el,
    current: () => images,
    reset(next: Image[]) {
      images = next;
      render();
    },
  };
}
