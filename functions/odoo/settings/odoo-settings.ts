import { z } from 'zod';

export const StockMaster = z.enum(['konta', 'odoo']);
export type StockMaster = z.infer<typeof StockMaster>;

/** What the merchant edits; the API key is write-only. */
export const OdooSettingsInput = z.object({
  url: z
    .url({ protocol: /^https?$/ })
    .max(300)
    .transform((u) => u.replace(/\/+$/, '')),
  db: z.string().min(1).max(120),
  login: z.string().min(1).max(254),
  /** Omit to keep the saved key. */
  apiKey: z.string().min(8).max(512).optional(),
  transport: z.enum(['auto', 'xmlrpc', 'json2']).default('auto'),
  stockMaster: StockMaster.default('konta'),
  /** `free_qty` (on hand minus reserved for confirmed orders) is the safe choice. */
  stockField: z.enum(['free_qty', 'qty_available']).default('free_qty'),
  enabled: z.boolean().default(true),
});
export type OdooSettingsInput = z.infer<typeof OdooSettingsInput>;

export const ConnectionCheck = z.object({
  ok: z.boolean(),
  at: z.iso.datetime(),
  version: z.string().optional(),
  transport: z.string().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
  hint: z.string().optional(),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheck>;

/** `shops/{shopId}/odooSync/settings`. */
export const OdooSettingsDoc = OdooSettingsInput.omit({ apiKey: true }).extend({
  /** AES-GCM sealed, see `api-key-box.ts`; never returned by the API. */
  apiKeySealed: z.string(),
  updatedAt: z.iso.datetime(),
  lastCheck: ConnectionCheck.optional(),
});
export type OdooSettingsDoc = z.infer<typeof OdooSettingsDoc>;

/** The settings as the admin API shows them. */
export function publicSettings(doc: OdooSettingsDoc) {
  const { apiKeySealed: _sealed, ...rest } = doc;
  return { ...rest, apiKeySet: true };
}
