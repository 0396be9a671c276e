import { formatter, loadPrices, type PriceList, readCart, writeCart } from './cart.ts';

/**
 * Fills a cart table's body and total from localStorage and the published price list.
 * SKUs no longer in the catalog are dropped. Editable tables get quantity inputs and remove
 * buttons; labels come from the table's data attributes (the page's language).
 */
export async function renderCart(table: HTMLTableElement, editable: boolean): Promise<number> {
  const prices = await loadPrices();
  const lines = readCart().filter((l) => prices.items[l.sku]);
  draw(table, prices, editable);
  return lines.length;
}

function draw(table: HTMLTableElement, prices: PriceList, editable: boolean): void {
  const en = document.documentElement.lang === 'en' ? 1 : 0;
  const money = formatter(prices.currency);
  const lines = readCart().filter((l) => prices.items[l.sku]);
  const body = table.tBodies[0]!;
  body.replaceChildren();
  let total = 0;
  for (const line of lines) {
    const item = prices.items[line.sku]!;
    total += item.p * line.quantity;
    const row = body.insertRow();
    const name = row.insertCell();
    const link = document.createElement('a');
    link.href = item.u[en];
    link.textContent = item.t[en];
    name.append(link);
    if (item.v) name.append(document.createElement('br'), item.v);
    const qty = row.insertCell();
    qty.className = 'n';
    if (editable) {
      const input = document.createElement('input');
      Object.assign(input, { type: 'number', min: '1', max: '99', value: String(line.quantity) });
      input.setAttribute('aria-label', `${table.dataset.qty} ${item.t[en]}`);
      input.addEventListener('change', () => update(line.sku, Number(input.value)));
      qty.append(input);
    } else qty.textContent = String(line.quantity);
    const price = row.insertCell();
    price.className = 'n';
    price.textContent = money.format((item.p * line.quantity) / 100);
    if (editable) {
      const cell = row.insertCell();
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = table.dataset.remove ?? '×';
      remove.addEventListener('click', () => update(line.sku, 0));
      cell.append(remove);
    }
  }
  table.querySelector<HTMLElement>('[data-total]')!.textContent = money.format(total / 100);
  table.hidden = lines.length === 0;
  for (const el of document.querySelectorAll<HTMLElement>('[data-when-empty]')) {
    el.hidden = lines.length > 0;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-when-full]')) {
    el.hidden = lines.length === 0;
  }

  function update(sku: string, quantity: number): void {
    const next = readCart().map((l) =>
      l.sku === sku ? { sku, quantity: Math.max(0, Math.min(99, Math.floor(quantity) || 0)) } : l,
    );
    writeCart(next);
    draw(table, prices, editable);
  }
}
