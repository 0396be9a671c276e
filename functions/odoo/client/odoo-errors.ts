import { AppError } from '../../core/errors.ts';

/** What went wrong in one Odoo call, before it becomes an actionable AppError. */
export interface OdooFailure {
  /** XML-RPC fault code (1 unexpected, 2 user error, 3 access denied, 4 access error). */
  faultCode?: number;
  /** JSON-2 HTTP status. */
  status?: number;
  message: string;
  model?: string;
  method?: string;
}

const AUTH_HINT =
  'In Odoo open Preferences → Account Security → New API Key, paste the key here, and check ' +
  'that the login is that user’s email and the database name is exact.';

/** Odoo's last traceback line carries the reason (`ValueError: Invalid field 'x' …`). */
export function lastLine(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '');
  return (lines.at(-1) ?? text).trim().slice(0, 300);
}

/** Odoo commits a button method that returns None, then fails to marshal the result. */
export function isMarshalNone(failure: OdooFailure): boolean {
  return failure.faultCode === 1 && failure.message.includes('cannot marshal None');
}

export function odooAuthFailed(db: string): AppError {
  return new AppError('odoo_auth_failed', {
    message: `Odoo refused the login and API key for database “${db}”.`,
    hint: AUTH_HINT,
  });
}

/** Maps a fault code or JSON-2 status to the error the merchant sees. */
export function toOdooError(failure: OdooFailure): AppError {
  const where = failure.model ? `${failure.model}.${failure.method}` : 'Odoo';
  const reason = failure.faultCode === 1 ? lastLine(failure.message) : failure.message;
  const details = { where, faultCode: failure.faultCode, status: failure.status };

  if (failure.faultCode === 3 || failure.status === 401) {
    return new AppError('odoo_auth_failed', {
      message: 'Odoo refused the API key (Access Denied).',
      hint: AUTH_HINT,
      details,
    });
  }
  if (failure.faultCode === 4 || failure.status === 403) {
    return new AppError('odoo_access_error', {
      message: `The Odoo user may not do ${where}: ${reason.split('\n')[0]}`,
      hint: 'Give the API user the Sales, Inventory and Manufacturing user rights in Odoo.',
      details,
    });
  }
  if (
    failure.faultCode === 2 ||
    (failure.status && failure.status >= 400 && failure.status < 500)
  ) {
    return new AppError('odoo_rejected', {
      message: `Odoo refused ${where}: ${reason.split('\n')[0]}`,
      hint: 'Correct the record in Odoo or in Kontá, then retry it from the sync page.',
      details,
    });
  }
  return new AppError('odoo_error', {
    message: `Odoo failed in ${where}: ${reason}`,
    hint: 'It will be retried; if it keeps failing, send this message to your Odoo partner.',
    details,
  });
}

/** Connection refused, DNS, TLS, timeouts and 5xx proxies: worth retrying later. */
export function odooUnavailable(url: string, cause: unknown): AppError {
  const reason = cause instanceof Error ? (cause.cause as Error | undefined)?.message : undefined;
  return new AppError('odoo_unavailable', {
    message: `Odoo at ${url} cannot be reached${reason ? ` (${reason})` : ''}.`,
    hint: 'Kontá keeps the changes and retries with backoff; check that Odoo is online.',
    cause,
  });
}

export function odooBadUrl(url: string, status: number): AppError {
  return new AppError('odoo_bad_url', {
    message: `${url} answered HTTP ${status} instead of Odoo's external API.`,
    hint: 'Use the address you open Odoo with, e.g. https://mycompany.odoo.com, without /web.',
  });
}
