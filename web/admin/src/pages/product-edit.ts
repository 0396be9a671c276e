import { api } from '../api.ts';
import { announce, field, h, input, replace, select } from '../dom.ts';
import { euros, parseEuros, t } from '../i18n.ts';
import { attempt } from '../shell.ts';
import { previewMarkdown } from './markdown-preview.ts';
import { imagesEditor } from './product-images.ts';
import { variantsTable } from './variants-table.ts';

export interface Variant {
  sku: string;
  optionValues: string[];
  price: number;
  compareAtPrice?: number;
  weightGrams?: number;
}

export interface Image {
  src: string;
  alt: { es: string; en?: string };
  width: number;
  height: number;
}

export interface Product {
  id?: string;
  slug?: string;
  status: 'draft' | 'active' | 'archived';
  title: { es: string; en?: string };
  description: { es: string; en?: string };
  collections: string[];
  tags: string[];
  images: Image[];
  taxClass: 'general' | 'reduced' | 'super_reduced';
  options: { name: { es: string; en?: string }; values: string[] }[];
  variants: Variant[];
  backorder: 'deny' | 'allow' | 'made_to_order';
  updatedAt?: string;
}

const EMPTY: Product = {
  status: 'draft',
  title: { es: '' },
  description: { es: '' },
  collections: [],
  tags: [],
  images: [],
  taxClass: 'general',
  options: [],
  variants: [],
  backorder: 'deny',
};

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function markdownField(label: string, value: string, name: string) {
  const area = h('textarea', { name, rows: 6 });
  area.value = value;
  const preview = h('div', { class: 'preview', 'aria-live': 'off' });
  const update = () => previewMarkdown(area.value, preview);
  area.addEventListener('input', update);
  update();
  return {
    area,
    el: h(
      'div',
      { class: 'md' },
      field(label, area),
      h('div', {}, h('p', { class: 'preview-label' }, `${t('edit.preview')}: ${label}`), preview),
    ),
  };
}

export async function renderProductEdit(main: HTMLElement): Promise<void> {
  const id = new URLSearchParams(location.search).get('id');
  const product: Product = id
    ? await api<Product>('GET', `/products/${id}`)
    : structuredClone(EMPTY);

  const titleEs = input({ name: 'titleEs', required: true, value: product.title.es });
  const titleEn = input({ name: 'titleEn', value: product.title.en ?? '' });
  const slug = input({
    name: 'slug',
    value: product.slug ?? '',
    pattern: '[a-z0-9]+(-[a-z0-9]+)*',
  });
  const status = select(
    (['draft', 'active', 'archived'] as const).map((s) => [s, t(`status.${s}`)]),
    product.status,
    { name: 'status' },
  );
  const taxClass = select(
    (['general', 'reduced', 'super_reduced'] as const).map((s) => [s, t(`edit.tax.${s}`)]),
    product.taxClass,
    { name: 'taxClass' },
  );
  const backorder = select(
    (['deny', 'allow', 'made_to_order'] as const).map((s) => [s, t(`edit.backorder.${s}`)]),
    product.backorder,
    { name: 'backorder' },
  );
  const collections = input({ name: 'collections', value: product.collections.join(', ') });
  const tags = input({ name: 'tags', value: product.tags.join(', ') });
  const descEs = markdownField(t('edit.descEs'), product.description.es, 'descEs');
  const descEn = markdownField(t('edit.descEn'), product.description.en ?? '', 'descEn');

  const optionInputs = [0, 1, 2].map((i) => ({
    name: input({ name: `option${i + 1}Name`, value: product.options[i]?.name.es ?? '' }),
    values: input({
      name: `option${i + 1}Values`,
      value: product.options[i]?.values.join(', ') ?? '',
    }),
  }));
  const basePrice = input({
    name: 'basePrice',
    inputmode: 'decimal',
    value: euros(product.variants[0]?.price),
  });
  const skuPrefix = input({ name: 'skuPrefix', value: product.slug?.toUpperCase() ?? '' });
  let variants: Variant[] = product.variants;
  const variantBox = h('div', { id: 'variants' });

  const options = () =>
    optionInputs
      .filter((o) => o.name.value.trim() && list(o.values.value).length > 0)
      .map((o) => ({ name: { es: o.name.value.trim() }, values: list(o.values.value) }));

  function renderVariants(): void {
    replace(variantBox, variantsTable(variants));
  }

  const generate = h('button', { type: 'button' }, t('edit.generate'));
  generate.addEventListener('click', () =>
    attempt(async () => {
      const result = await api<{ variants: Variant[] }>('POST', '/products/variants', {
        options: options().map((o) => ({ values: o.values })),
        basePrice: parseEuros(basePrice.value) ?? 0,
        skuPrefix: skuPrefix.value || slug.value || titleEs.value,
        existing: variants,
      });
      variants = result.variants;
      renderVariants();
      announce(t('edit.generated', { n: variants.length }));
    }),
  );
  renderVariants();

  const images = imagesEditor(product);
  const form = h(
    'form',
    { class: 'edit', novalidate: true },
    h(
      'fieldset',
      {},
      h('legend', {}, t('edit.basics')),
      field(t('edit.titleEs'), titleEs),
      field(t('edit.titleEn'), titleEn),
      field(t('edit.slug'), slug, t('edit.slugHint')),
      field(t('products.status'), status),
      field(t('edit.taxClass'), taxClass),
      field(t('edit.backorder'), backorder),
      field(t('edit.collections'), collections),
      field(t('edit.tags'), tags),
      descEs.el,
      descEn.el,
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('edit.options')),
      optionInputs.map((o, i) =>
        h(
          'div',
          { class: 'pair' },
          field(t('edit.optionName', { n: i + 1 }), o.name),
          field(t('edit.optionValues', { n: i + 1 }), o.values),
        ),
      ),
      h(
        'div',
        { class: 'pair' },
        field(t('edit.basePrice'), basePrice),
        field(t('edit.skuPrefix'), skuPrefix),
      ),
      generate,
      variantBox,
    ),
    images.el,
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('save'))),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(async () => {
      const body = {
        status: status.value,
        title: {
          es: titleEs.value.trim(),
          ...(titleEn.value.trim() ? { en: titleEn.value.trim() } : {}),
        },
        description: {
          es: descEs.area.value,
          ...(descEn.area.value ? { en: descEn.area.value } : {}),
        },
        ...(slug.value ? { slug: slug.value } : {}),
        collections: list(collections.value),
        tags: list(tags.value),
        taxClass: taxClass.value,
        backorder: backorder.value,
        options: options(),
        variants,
        images: images.current(),
        ...(product.updatedAt ? { expectedUpdatedAt: product.updatedAt } : {}),
      };
      const saved = product.id
        ? await api<Product>('PUT', `/products/${product.id}`, body)
        : await api<Product>('POST', '/products', body);
      if (!product.id) {
        location.assign(`product.html?id=${saved.id}&created=1`);
        return;
      }
      Object.assign(product, saved);
      announce(t('saved'));
    });
  });

  replace(main, h('h1', {}, id ? t('edit.titleEdit') : t('edit.titleNew')), form);
  if (new URLSearchParams(location.search).get('created')) announce(t('edit.created'));
}
