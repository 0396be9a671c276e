import { z } from 'zod';
import { postToOdoo } from './http-post.ts';
import type { OdooCall, OdooCredentials, OdooTransport, OdooVersion } from './odoo-client.ts';
import { odooBadUrl, toOdooError } from './odoo-errors.ts';
import { parseVersion } from './xmlrpc-transport.ts';

/** The documented JSON-2 error object (name, message, arguments, context, debug). */
const Json2Error = z.object({ name: z.string(), message: z.string() }).loose();

/**
 * Odoo 19+'s JSON-2 API: `POST /json/2/<model>/<method>` with the API key as a bearer token,
 * the database in `X-Odoo-Database`, record ids in `ids` and parameters at the top level.
 * Each call is its own transaction in Odoo.
 */
export function createJson2Transport(
  credentials: OdooCredentials,
  options: { timeoutMs?: number } = {},
): OdooTransport {
  const base = credentials.url.replace(/\/+$/, '');
  const headers = {
    Authorization: `bearer ${credentials.apiKey}`,
    'X-Odoo-Database': credentials.db,
    'Content-Type': 'application/json; charset=utf-8',
  };

  async function post<T>(model: string, method: string, call: OdooCall): Promise<T> {
    const url = `${base}/json/2/${encodeURIComponent(model)}/${encodeURIComponent(method)}`;
    const body = JSON.stringify({
      ...(call.ids ? { ids: call.ids } : {}),
      ...(call.context ? { context: call.context } : {}),
      ...(call.params ?? {}),
    });
    const response = await postToOdoo(url, {
      headers,
      body,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    const text = await response.text();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw odooBadUrl(url, response.status);
    }
    if (response.ok) return value as T;
    const parsed = Json2Error.safeParse(value);
    const message = parsed.success ? parsed.data.message : String(value);
    const status =
      parsed.success && parsed.data.name.includes('AccessError') ? 403 : response.status;
    throw toOdooError({ status, message, model, method });
  }

  return {
    kind: 'json2',

    async version(): Promise<OdooVersion> {
      const response = await postToOdoo(`${base}/web/version`, {
        method: 'GET',
        headers: {},
        body: '',
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      });
      if (!response.ok) throw odooBadUrl(`${base}/web/version`, response.status);
      const info = (await response.json()) as Record<string, unknown>;
      return parseVersion(info.version_info, info.version);
    },

    async authenticate() {
      // JSON-2 has no login call: any authenticated call proves the key (401 otherwise).
      await post('res.users', 'context_get', {});
    },

    call: (model, method, call = {}) => post(model, method, call),
  };
}
