import { z } from 'zod';

/** The 14 allergens of Annex II of Regulation (EU) 1169/2011, shown before purchase. */
export const ALLERGENS = [
  'gluten',
  'crustaceans',
  'eggs',
  'fish',
  'peanuts',
  'soybeans',
  'milk',
  'nuts',
  'celery',
  'mustard',
  'sesame',
  'sulphites',
  'lupin',
  'molluscs',
] as const;

export const Allergen = z.enum(ALLERGENS);
export type Allergen = z.infer<typeof Allergen>;

export const ALLERGEN_NAMES: Record<Allergen, { es: string; en: string }> = {
  gluten: { es: 'Gluten', en: 'Gluten' },
  crustaceans: { es: 'Crustáceos', en: 'Crustaceans' },
  eggs: { es: 'Huevos', en: 'Eggs' },
  fish: { es: 'Pescado', en: 'Fish' },
  peanuts: { es: 'Cacahuetes', en: 'Peanuts' },
  soybeans: { es: 'Soja', en: 'Soybeans' },
  milk: { es: 'Leche', en: 'Milk' },
  nuts: { es: 'Frutos de cáscara', en: 'Tree nuts' },
  celery: { es: 'Apio', en: 'Celery' },
  mustard: { es: 'Mostaza', en: 'Mustard' },
  sesame: { es: 'Sésamo', en: 'Sesame' },
  sulphites: { es: 'Sulfitos', en: 'Sulphites' },
  lupin: { es: 'Altramuces', en: 'Lupin' },
  molluscs: { es: 'Moluscos', en: 'Molluscs' },
};
