import { randomBytes } from 'node:crypto';
import type { Transaction } from '../store/port.ts';
import { type LedgerDoc, ledgerCollection } from './stock.ts';

/** Ids sort by time, so a ledger page ordered by id reads in order without an index. */
export function ledgerId(at: Date): string {
  return `${at.getTime().toString(36).padStart(9, '0')}-${randomBytes(5).toString('hex')}`;
}

/** Appends one movement inside the caller's transaction. Entries are never updated. */
export function appendLedger(tx: Transaction, shopId: string, entry: LedgerDoc): string {
  const id = ledgerId(new Date(entry.at));
  const { orderId, ...rest } = entry;
  tx.create(`${ledgerCollection(shopId)}/${id}`, orderId ? { ...rest, orderId } : rest);
  return id;
}
