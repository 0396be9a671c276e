import { field, h, input, replace } from '../dom.ts';
import { euros, parseEuros, t } from '../i18n.ts';

type Method = Record<string, unknown> & { kind: 'flat' | 'weight_bands' | 'pickup'; id: string };

/**
 * Edits flat rates and in-store pickup (days and time slots). Weight-band methods are kept as
 * they are and listed read-only.
 */
export function shippingEditor(initial: unknown[]) {
  const methods = structuredClone(initial) as Method[];
  const box = h('div', {});

  function flat(m: Method, n: number) {
    const name = input({ value: (m.name as { es: string }).es, name: `m${n}-name` });
    const price = input({
      value: euros(m.price as number),
      name: `m${n}-price`,
      inputmode: 'decimal',
    });
    const free = input({
      value: euros(m.freeAbove as number | undefined),
      name: `m${n}-free`,
      inputmode: 'decimal',
    });
    name.addEventListener('input', () => (m.name = { es: name.value }));
    price.addEventListener('input', () => (m.price = parseEuros(price.value) ?? 0));
    free.addEventListener('input', () => {
      const cents = parseEuros(free.value);
      if (cents) m.freeAbove = cents;
      else delete m.freeAbove;
    });
    return [
      field(t('set.methodName'), name),
      field(t('set.price'), price),
      field(t('set.freeAbove'), free),
    ];
  }

  function pickup(m: Method, n: number) {
    const name = input({ value: (m.name as { es: string }).es, name: `m${n}-name` });
    const address = input({ value: String(m.address ?? ''), name: `m${n}-address` });
    const slots = input({
      name: `m${n}-slots`,
      value: (m.slots as { from: string; to: string }[]).map((s) => `${s.from}-${s.to}`).join(', '),
    });
    name.addEventListener('input', () => (m.name = { es: name.value }));
    address.addEventListener('input', () => (m.address = address.value));
    slots.addEventListener('input', () => {
      m.slots = slots.value
        .split(',')
        .map((s) => s.trim().split('-'))
        .filter((p) => p.length === 2)
        .map(([from, to]) => ({ id: `${from}-${to}`.replaceAll(':', ''), from, to }));
    });
    const days = [1, 2, 3, 4, 5, 6, 0].map((d) => {
      const box = input({
        type: 'checkbox',
        id: `m${n}-day${d}`,
        checked: (m.weekdays as number[]).includes(d),
      });
      box.addEventListener('change', () => {
        const set = new Set(m.weekdays as number[]);
        if (box.checked) set.add(d);
        else set.delete(d);
        m.weekdays = [...set].sort();
      });
      return h(
        'div',
        { class: 'check' },
        box,
        h('label', { for: box.id }, t(`day.${d}` as 'day.0')),
      );
    });
    return [
      field(t('set.methodName'), name),
      field(t('set.address'), address),
      h('fieldset', {}, h('legend', {}, t('set.weekdays')), days),
      field(t('set.slots'), slots),
    ];
  }

  function render(): void {
    replace(
      box,
      methods.map((m, n) =>
        h(
          'fieldset',
          { class: 'method' },
          h('legend', {}, `${m.id} (${m.kind})`),
          m.kind === 'flat'
            ? flat(m, n)
            : m.kind === 'pickup'
              ? pickup(m, n)
              : h('p', {}, JSON.stringify(m.bands)),
          h(
            'button',
            {
              type: 'button',
              onclick: () => {
                methods.splice(n, 1);
                render();
              },
            },
            `${t('remove')} ${m.id}`,
          ),
        ),
      ),
      h(
        'p',
        { class: 'row' },
        h('button', { type: 'button', onclick: () => add('flat') }, t('set.addFlat')),
        h('button', { type: 'button', onclick: () => add('pickup') }, t('set.addPickup')),
      ),
    );
  }

  function add(kind: 'flat' | 'pickup'): void {
    const id = `${kind === 'flat' ? 'envio' : 'recogida'}-${methods.length + 1}`;
    methods.push(
      kind === 'flat'
        ? { kind, id, name: { es: 'Envío' }, price: 500, countries: ['ES'] }
        : {
            kind,
            id,
            name: { es: 'Recogida' },
            address: '',
            weekdays: [2, 3, 4, 5, 6],
            slots: [{ id: '0900-1300', from: '09:00', to: '13:00' }],
          },
    );
    render();
  }
  render();
  return { el: box, value: () => methods };
}
