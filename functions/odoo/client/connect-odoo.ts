import { createJson2Transport } from './json2-transport.ts';
import {
  OdooClient,
  type OdooCredentials,
  type OdooTransportKind,
  type OdooVersion,
} from './odoo-client.ts';
import { createXmlRpcTransport } from './xmlrpc-transport.ts';

/** What differs between Odoo versions, learned from `fields_get` when connecting. */
export interface OdooSchema {
  version: OdooVersion;
  /** Values that make a new product storable: 16/17 `detailed_type`, 18+ `is_storable`. */
  storable: Record<string, unknown>;
  /** Unit field on `sale.order.line`: `product_uom` up to 18, `product_uom_id` from 19. */
  lineUomField: string;
  /** Stock quantity fields present on `product.product`. */
  stockFields: string[];
}

export interface OdooSession {
  client: OdooClient;
  schema: OdooSchema;
  transport: OdooTransportKind;
}

export type TransportChoice = OdooTransportKind | 'auto';

/**
 * Opens a session: detects the version, authenticates with the API key, and reads the field
 * sets it adapts to. `auto` speaks XML-RPC up to Odoo 18 and JSON-2 from 19, where XML-RPC is
 * deprecated.
 */
export async function connectOdoo(
  credentials: OdooCredentials,
  choice: TransportChoice = 'auto',
  options: { timeoutMs?: number } = {},
): Promise<OdooSession> {
  let transport =
    choice === 'json2'
      ? createJson2Transport(credentials, options)
      : createXmlRpcTransport(credentials, options);
  const version = await transport.version();
  if (choice === 'auto' && version.major >= 19) {
    transport = createJson2Transport(credentials, options);
  }
  await transport.authenticate();

  const client = new OdooClient(transport);
  const [productFields, lineFields] = await Promise.all([
    client.fieldsGet('product.product', ['type', 'selection']),
    client.fieldsGet('sale.order.line', ['type', 'relation']),
  ]);
  return {
    client,
    schema: schemaFrom(version, productFields, lineFields),
    transport: transport.kind,
  };
}

export function schemaFrom(
  version: OdooVersion,
  productFields: Record<string, object>,
  lineFields: Record<string, object>,
): OdooSchema {
  const storable: Record<string, unknown> =
    'is_storable' in productFields
      ? { type: 'consu', is_storable: true }
      : 'detailed_type' in productFields
        ? { detailed_type: 'product' }
        : { type: 'product' };
  const lineUomField = 'product_uom_id' in lineFields ? 'product_uom_id' : 'product_uom';
  const stockFields = ['qty_available', 'virtual_available', 'free_qty'].filter(
    (f) => f in productFields,
  );
  return { version, storable, lineUomField, stockFields };
}
