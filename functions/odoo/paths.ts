/** Where the Odoo sync keeps its documents, all under the shop. */
export const odooSettingsPath = (shopId: string) => `shops/${shopId}/odooSync/settings`;
export const odooCursorsPath = (shopId: string) => `shops/${shopId}/odooSync/cursors`;
export const odooStockSnapshotPath = (shopId: string) => `shops/${shopId}/odooSync/stockSnapshot`;
export const odooLogCollection = (shopId: string) => `shops/${shopId}/odooSync/log/entries`;
export const orderLinksCollection = (shopId: string) => `shops/${shopId}/odooSync/orders/links`;
export const orderLinkPath = (shopId: string, orderId: string) =>
  `${orderLinksCollection(shopId)}/${orderId}`;

/** Platform index of shops with Odoo enabled, so the scheduler needs no collection-group query. */
export const ODOO_SHOPS = 'odooShops';

export const ODOO_EVENTS = {
  pushOrder: 'odoo.push_order',
  pushProducts: 'odoo.push_products',
  pull: 'odoo.pull',
} as const;

/** `who` on ledger entries and order history written by the sync. */
export const ODOO_ACTOR = 'odoo-sync';
