import { api } from '../api.ts';
import { announce, h, replace } from '../dom.ts';
import { attempt } from '../shell.ts';
import type { ProductionData, ProductionSection, Task } from './production-data.ts';
import { pt } from './production-texts.ts';

/** Open made-to-order tasks, each with "mark done". */
export function tasksSection(refresh: () => Promise<void>): ProductionSection {
  const list = h('div', { id: 'tasks' });
  const done = (task: Task) => () =>
    attempt(async () => {
      const result = await api<{ orderReady: boolean }>(
        'POST',
        `/production/tasks/${encodeURIComponent(task.id)}/done`,
      );
      announce(
        result.orderReady
          ? pt('orderReady', { order: task.orderNumber })
          : pt('taskDone', { sku: task.sku, order: task.orderNumber }),
      );
      await refresh();
    });
  const el = h(
    'section',
    { 'aria-labelledby': 'tasks-h' },
    h('h2', { id: 'tasks-h' }, pt('tasks')),
    list,
  );
  return {
    el,
    update(data: ProductionData) {
      replace(
        list,
        data.tasks.length === 0
          ? h('p', {}, pt('tasksNone'))
          : h(
              'table',
              {},
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  [
                    pt('order'),
                    pt('sku'),
                    pt('product'),
                    pt('quantity'),
                    pt('due'),
                    pt('action'),
                  ].map((c) => h('th', { scope: 'col' }, c)),
                ),
              ),
              h(
                'tbody',
                {},
                data.tasks.map((task) =>
                  h(
                    'tr',
                    { 'data-task': task.id },
                    h('th', { scope: 'row' }, task.orderNumber),
                    h('td', {}, task.sku),
                    h('td', {}, task.title),
                    h('td', {}, task.quantity),
                    h('td', {}, task.dueDate ?? ''),
                    h(
                      'td',
                      {},
                      h(
                        'button',
                        {
                          type: 'button',
                          'aria-label': `${pt('markDone')} ${task.orderNumber} ${task.sku}`,
                          onclick: () => void done(task)(),
                        },
                        pt('markDone'),
                      ),
                    ),
                  ),
                ),
              ),
            ),
      );
    },
  };
}
