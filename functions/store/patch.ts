import { AppError } from '../core/errors.ts';
import type { DocData, DocPatch } from './port.ts';

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export function checkFieldPath(field: string): string {
  if (!FIELD_PATH.test(field)) {
    throw new AppError('bad_request', { message: `Invalid field path: ${field}` });
  }
  return field;
}

function isPlainObject(value: unknown): value is DocData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rejects values Firestore and JSON would not round-trip the same way. */
export function assertJsonValue(value: unknown, where = 'document'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return;
    throw new AppError('bad_request', { message: `Non-finite number in ${where}` });
  }
  if (Array.isArray(value)) {
    for (const item of value) assertJsonValue(item, where);
    return;
  }
  if (isPlainObject(value) && Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value)) assertJsonValue(item, where);
    return;
  }
  throw new AppError('bad_request', {
    message: `Unsupported value of type ${typeof value} in ${where}`,
  });
}

/** Firestore `update` semantics: dotted keys replace nested fields, creating maps on the way. */
export function applyPatch(data: DocData, patch: DocPatch): DocData {
  const next = structuredClone(data);
  for (const [fieldPath, value] of Object.entries(patch)) {
    const keys = checkFieldPath(fieldPath).split('.');
    let target = next;
    for (const key of keys.slice(0, -1)) {
      const child = target[key];
      target[key] = isPlainObject(child) ? child : {};
      target = target[key] as DocData;
    }
    target[keys.at(-1)!] = structuredClone(value);
  }
  return next;
}

/** Firestore `set(..., { merge: true })`: maps merge recursively, everything else replaces. */
export function mergeDeep(base: DocData, incoming: DocData): DocData {
  const next = structuredClone(base);
  for (const [key, value] of Object.entries(incoming)) {
    const current = next[key];
    next[key] =
      isPlainObject(current) && isPlainObject(value)
        ? mergeDeep(current, value)
        : structuredClone(value);
  }
  return next;
}

/** Reads a dotted field path from a document. */
export function readField(data: DocData | undefined, fieldPath: string): unknown {
  let value: unknown = data;
  for (const key of fieldPath.split('.')) {
    if (!isPlainObject(value)) return undefined;
    value = value[key];
  }
  return value;
}
