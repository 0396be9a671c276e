import type { Transaction } from '../store/port.ts';

/**
 * Platform-level index of held reservations, `holds/{shopId}:{orderId}`, so one sweeper query
 * finds every lapsed hold across shops (the store port has no collection-group query).
 */
export const HOLDS = 'holds';

export const holdPath = (shopId: string, orderId: string) => `${HOLDS}/${shopId}:${orderId}`;

export interface HoldDoc {
  shopId: string;
  orderId: string;
  expiresAt: string;
  [field: string]: unknown;
}

export function writeHold(tx: Transaction, hold: HoldDoc): void {
  tx.set(holdPath(hold.shopId, hold.orderId), hold);
}

export function clearHold(tx: Transaction, shopId: string, orderId: string): void {
  tx.delete(holdPath(shopId, orderId));
}
