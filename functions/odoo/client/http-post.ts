import { odooBadUrl, odooUnavailable } from './odoo-errors.ts';

export const ODOO_TIMEOUT_MS = 20_000;

/**
 * POSTs to Odoo with a timeout. Network failures and gateway errors (502/503/504) become
 * `odoo_unavailable` (retried); a non-JSON 404 means the URL is wrong. Other statuses are
 * returned to the transport to interpret.
 */
export async function postToOdoo(
  url: string,
  init: { headers: Record<string, string>; body: string; timeoutMs?: number; method?: string },
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'POST',
      headers: { 'User-Agent': 'Konta-Odoo-Connector/1', ...init.headers },
      ...(init.method === 'GET' ? {} : { body: init.body }),
      signal: AbortSignal.timeout(init.timeoutMs ?? ODOO_TIMEOUT_MS),
    });
  } catch (error) {
    throw odooUnavailable(new URL(url).origin, error);
  }
  if ([502, 503, 504].includes(response.status)) {
    throw odooUnavailable(new URL(url).origin, new Error(`HTTP ${response.status}`));
  }
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  if ((response.status === 404 || response.status === 405) && !isJson) {
    throw odooBadUrl(url, response.status);
  }
  return response;
}
