import { Deserializer, serializeMethodCall, XmlRpcFault, type XmlRpcValue } from '@foxglove/xmlrpc';
import { AppError } from '../../core/errors.ts';
import { postToOdoo } from './http-post.ts';
import type { OdooCall, OdooCredentials, OdooTransport, OdooVersion } from './odoo-client.ts';
import { isMarshalNone, odooAuthFailed, odooBadUrl, toOdooError } from './odoo-errors.ts';

/**
 * Odoo's XML-RPC API over @foxglove/xmlrpc's serializer and parser, posted with `fetch` so
 * every call has a timeout. `execute_kw` receives ids as the only positional argument and the
 * rest by name.
 */
export function createXmlRpcTransport(
  credentials: OdooCredentials,
  options: { timeoutMs?: number } = {},
): OdooTransport {
  const base = credentials.url.replace(/\/+$/, '');
  let uid: number | undefined;

  async function rpc(service: string, method: string, params: XmlRpcValue[]): Promise<unknown> {
    const response = await postToOdoo(`${base}/xmlrpc/2/${service}`, {
      headers: { 'Content-Type': 'text/xml' },
      body: serializeMethodCall(method, params),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    if (!response.ok) throw odooBadUrl(`${base}/xmlrpc/2/${service}`, response.status);
    const text = await response.text();
    try {
      return await new Deserializer().deserializeMethodResponse(text);
    } catch (error) {
      if (error instanceof XmlRpcFault) throw error;
      throw odooBadUrl(`${base}/xmlrpc/2/${service}`, response.status);
    }
  }

  async function login(): Promise<number> {
    const result = await rpc('common', 'authenticate', [
      credentials.db,
      credentials.login,
      credentials.apiKey,
      {},
    ]).catch((error: unknown) => {
      if (error instanceof XmlRpcFault) {
        // A wrong database name faults with a traceback (`database "x" does not exist`).
        throw toOdooError({ faultCode: error.code ?? 1, message: error.faultString ?? '' });
      }
      throw error;
    });
    if (typeof result !== 'number' || result <= 0) throw odooAuthFailed(credentials.db);
    return result;
  }

  return {
    kind: 'xmlrpc',

    async version(): Promise<OdooVersion> {
      const info = (await rpc('common', 'version', [])) as Record<string, unknown>;
      return parseVersion(info.server_version_info, info.server_serie ?? info.server_version);
    },

    async authenticate() {
      uid = await login();
    },

    async call<T>(model: string, method: string, call: OdooCall = {}): Promise<T> {
      uid ??= await login();
      const args: XmlRpcValue[] = call.ids ? [call.ids] : [];
      const kwargs = { ...(call.params ?? {}), ...(call.context ? { context: call.context } : {}) };
      try {
        const params = [credentials.db, uid, credentials.apiKey, model, method, args, kwargs];
        return (await rpc('object', 'execute_kw', params as XmlRpcValue[])) as T;
      } catch (error) {
        if (!(error instanceof XmlRpcFault)) throw error;
        const failure = {
          faultCode: error.code ?? 1,
          message: error.faultString ?? '',
          model,
          method,
        };
        if (isMarshalNone(failure)) return undefined as T;
        throw toOdooError(failure);
      }
    },
  };
}

export function parseVersion(info: unknown, serie: unknown): OdooVersion {
  const first = Array.isArray(info) ? info[0] : undefined;
  const text = String(serie ?? '');
  const major = typeof first === 'number' ? first : Number(/(\d+)\./.exec(text)?.[1] ?? Number.NaN);
  if (!Number.isInteger(major)) {
    throw new AppError('odoo_bad_url', { message: `Odoo reported an unknown version “${text}”.` });
  }
  return { major, serie: text || `${major}.0` };
}
