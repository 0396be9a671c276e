import { AppError } from '../../core/errors.ts';
import { checkFieldPath, readField } from '../patch.ts';
import { splitPath } from '../paths.ts';
import type { Filter, Query } from '../port.ts';

type SqlValue = string | number | null;

/** json_type() names that Firestore would compare with a value of this JS type. */
function typesOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (typeof value === 'boolean') return [value ? 'true' : 'false'];
  if (typeof value === 'number') return ['integer', 'real'];
  if (typeof value === 'string') return ['text'];
  throw new AppError('bad_request', {
    message: 'Filters compare strings, numbers, booleans or null',
  });
}

function bind(value: unknown): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as SqlValue;
}

function jsonPath(field: string): string {
  return `$.${checkFieldPath(field)}`;
}

const COMPARISON: Record<string, string> = {
  '==': '=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

function filterSql(filter: Filter, params: SqlValue[]): string {
  const path = jsonPath(filter.field);
  const extract = `json_extract(data, '${path}')`;
  const type = `json_type(data, '${path}')`;
  const typeList = (value: unknown) =>
    typesOf(value)
      .map((t) => `'${t}'`)
      .join(',');

  switch (filter.op) {
    case 'in': {
      const values = filter.value;
      if (!Array.isArray(values) || values.length === 0 || values.length > 30) {
        throw new AppError('bad_request', { message: "'in' takes an array of 1 to 30 values" });
      }
      const alternatives = values.map((v) => {
        params.push(bind(v));
        return `(${type} IN (${typeList(v)}) AND ${extract} = ?)`;
      });
      return `(${alternatives.join(' OR ')})`;
    }
    case 'array-contains': {
      params.push(bind(filter.value));
      return `EXISTS (SELECT 1 FROM json_each(data, '${path}') AS e WHERE e.type IN (${typeList(filter.value)}) AND e.value = ?)`;
    }
    case '!=': {
      params.push(bind(filter.value));
      return `(${type} IS NOT NULL AND ${type} <> 'null' AND NOT (${type} IN (${typeList(filter.value)}) AND ${extract} = ?))`;
    }
    default: {
      const op = COMPARISON[filter.op];
      if (!op) throw new AppError('bad_request', { message: `Unknown operator ${filter.op}` });
      params.push(bind(filter.value));
      return `(${type} IN (${typeList(filter.value)}) AND ${extract} ${op} ?)`;
    }
  }
}

/**
 * Translates a port query to SQL over the `docs` table. Ordering follows Firestore: documents
 * without an ordered field are excluded, ties break on the document path in the direction of
 * the last ordering, and `startAfter` resumes strictly after the cursor document.
 */
export function buildQuerySql(query: Query): { sql: string; params: SqlValue[] } {
  splitPath(query.collection, 'collection');
  const params: SqlValue[] = [query.collection];
  const conditions = ['parent = ?'];

  for (const filter of query.where ?? []) conditions.push(filterSql(filter, params));

  const orders = (query.orderBy ?? []).map((o) => ({
    expr: `json_extract(data, '${jsonPath(o.field)}')`,
    field: o.field,
    desc: o.direction === 'desc',
  }));
  for (const order of orders)
    conditions.push(`json_type(data, '${jsonPath(order.field)}') IS NOT NULL`);
  const pathDesc = orders.at(-1)?.desc ?? false;

  if (query.startAfter) {
    const cursor = query.startAfter;
    const keys = [
      ...orders.map((o) => ({
        expr: o.expr,
        desc: o.desc,
        value: bind(readField(cursor.data, o.field)),
      })),
      { expr: 'path', desc: pathDesc, value: cursor.path as SqlValue },
    ];
    const alternatives = keys.map((key, i) => {
      const equalities = keys.slice(0, i).map((prev) => {
        params.push(prev.value);
        return `${prev.expr} = ?`;
      });
      params.push(key.value);
      return `(${[...equalities, `${key.expr} ${key.desc ? '<' : '>'} ?`].join(' AND ')})`;
    });
    conditions.push(`(${alternatives.join(' OR ')})`);
  }

  const orderSql = [
    ...orders.map((o) => `${o.expr} ${o.desc ? 'DESC' : 'ASC'}`),
    `path ${pathDesc ? 'DESC' : 'ASC'}`,
  ].join(', ');
  let sql = `SELECT path, data, update_time FROM docs WHERE ${conditions.join(' AND ')} ORDER BY ${orderSql}`;
  if (query.limit !== undefined) {
    if (!Number.isInteger(query.limit) || query.limit < 0) {
      throw new AppError('bad_request', { message: 'limit must be a non-negative integer' });
    }
    sql += ` LIMIT ${query.limit}`;
  }
  return { sql, params };
}
