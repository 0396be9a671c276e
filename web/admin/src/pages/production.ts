import { h, replace } from '../dom.ts';
import { batchesSection } from './production-batches.ts';
import { loadProductionData } from './production-data.ts';
import { ingredientsSection } from './production-ingredients.ts';
import { recipesSection } from './production-recipes.ts';
import { reorderSection } from './production-reorder.ts';
import { tasksSection } from './production-tasks.ts';
import { pt } from './production-texts.ts';

/** Native production: what can I make now, batches, made-to-order tasks, ingredients, recipes. */
export async function renderProduction(main: HTMLElement): Promise<void> {
  const refresh = async () => {
    const data = await loadProductionData();
    for (const section of sections) section.update(data);
  };
  const sections = [
    batchesSection(refresh),
    tasksSection(refresh),
    ingredientsSection(refresh),
    recipesSection(refresh),
    reorderSection(refresh),
  ];
  await refresh();
  replace(
    main,
    h('h1', {}, pt('title')),
    sections.map((s) => s.el),
  );
}
