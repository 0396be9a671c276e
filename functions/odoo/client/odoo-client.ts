/**
 * One interface over Odoo's two external APIs: XML-RPC (`/xmlrpc/2`, Odoo 8 to 21) and JSON-2
 * (`/json/2/<model>/<method>`, Odoo 19+). Parameters are always passed by name, which both
 * transports accept, so use cases never care which one is underneath.
 */

export type OdooTransportKind = 'xmlrpc' | 'json2';

/** A domain is Odoo's prefix-notation filter: `[['default_code', 'in', ['A', 'B']]]`. */
export type OdooDomain = (string | [string, string, unknown])[];

export type OdooRecord = { id: number } & Record<string, unknown>;

export interface OdooCall {
  /** Record ids for methods called on records (`read`, `write`, `action_confirm`). */
  ids?: number[];
  /** Named parameters of the method (`domain`, `fields`, `vals_list`, `limit`). */
  params?: Record<string, unknown>;
  context?: Record<string, unknown>;
}

export interface OdooVersion {
  /** Major version, e.g. 17. */
  major: number;
  /** As Odoo reports it, e.g. `17.0` or `saas~17.4`. */
  serie: string;
}

export interface OdooTransport {
  readonly kind: OdooTransportKind;
  version(): Promise<OdooVersion>;
  /** Resolves when the credentials are accepted; fails with `odoo_auth_failed` otherwise. */
  authenticate(): Promise<void>;
  call<T = unknown>(model: string, method: string, call?: OdooCall): Promise<T>;
}

export interface OdooCredentials {
  /** Base URL, e.g. `https://bakery.odoo.com` (no trailing path). */
  url: string;
  db: string;
  login: string;
  apiKey: string;
}

/** Typed helpers over a transport; one instance per connection. */
export class OdooClient {
  readonly transport: OdooTransport;

  constructor(transport: OdooTransport) {
    this.transport = transport;
  }

  searchRead(
    model: string,
    domain: OdooDomain,
    fields: string[],
    options: { limit?: number; order?: string; context?: Record<string, unknown> } = {},
  ): Promise<OdooRecord[]> {
    const { context, ...rest } = options;
    return this.transport.call(model, 'search_read', {
      params: { domain, fields, ...rest },
      ...(context ? { context } : {}),
    });
  }

  search(model: string, domain: OdooDomain, limit?: number): Promise<number[]> {
    return this.transport.call(model, 'search', {
      params: { domain, ...(limit ? { limit } : {}) },
    });
  }

  searchCount(model: string, domain: OdooDomain): Promise<number> {
    return this.transport.call(model, 'search_count', { params: { domain } });
  }

  read(model: string, ids: number[], fields: string[]): Promise<OdooRecord[]> {
    return this.transport.call(model, 'read', { ids, params: { fields } });
  }

  async create(model: string, vals: Record<string, unknown>): Promise<number> {
    const ids = await this.transport.call<number[] | number>(model, 'create', {
      params: { vals_list: [vals] },
    });
    return Array.isArray(ids) ? ids[0]! : ids;
  }

  /** One call for many records (Odoo's `create` takes a list since 12). */
  async createMany(model: string, valsList: Record<string, unknown>[]): Promise<number[]> {
    if (valsList.length === 0) return [];
    const ids = await this.transport.call<number[] | number>(model, 'create', {
      params: { vals_list: valsList },
    });
    return Array.isArray(ids) ? ids : [ids];
  }

  async write(model: string, ids: number[], vals: Record<string, unknown>): Promise<void> {
    await this.transport.call(model, 'write', { ids, params: { vals } });
  }

  fieldsGet(model: string, attributes = ['type', 'relation']): Promise<Record<string, object>> {
    return this.transport.call(model, 'fields_get', { params: { attributes } });
  }

  /** Calls a button method such as `action_confirm`; see `odoo-errors.ts` for `None` results. */
  async action(model: string, method: string, ids: number[]): Promise<void> {
    await this.transport.call(model, method, { ids });
  }
}
