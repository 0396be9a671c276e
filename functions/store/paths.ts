import { AppError } from '../core/errors.ts';

const SEGMENT = /^[A-Za-z0-9_\-.:@+]{1,200}$/;

/** Splits and checks a path; documents have an even number of segments, collections odd. */
export function splitPath(path: string, kind: 'document' | 'collection'): string[] {
  const segments = path.split('/');
  const even = segments.length % 2 === 0;
  const valid = segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..');
  if (!valid || even !== (kind === 'document')) {
    throw new AppError('bad_request', { message: `Invalid ${kind} path: ${path}` });
  }
  return segments;
}

export function parentOf(docPath: string): string {
  const segments = splitPath(docPath, 'document');
  return segments.slice(0, -1).join('/');
}

export function idOf(docPath: string): string {
  return docPath.slice(docPath.lastIndexOf('/') + 1);
}

/** The shop a path belongs to, for metering; `_platform` for top-level documents. */
export function shopOfPath(path: string): string {
  const [root, shopId] = path.split('/');
  return root === 'shops' && shopId ? shopId : '_platform';
}

export const PLATFORM = '_platform';
