import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseAst } from 'rolldown/parseAst';

/**
 * Static extraction of the store queries in the code: every `x.query({ collection, where,
 * orderBy })` call, reduced to the shape an index cares about. Read from the source with an
 * ESTree parser, so the index check needs no registry that someone might forget to update.
 */
export interface QueryShape {
  /** Last segment of the collection path: Firestore's collection id. */
  readonly collection: string;
  readonly filters: readonly { field: string; op: string }[];
  readonly orderBy: readonly { field: string; direction: 'asc' | 'desc' }[];
  readonly at: string;
}

export interface UnreadableQuery {
  readonly at: string;
  readonly reason: string;
}

// biome-ignore lint/suspicious/noExplicitAny: ESTree nodes from the parser are untyped here.
type Node = any;

function walk(node: Node, visit: (n: Node) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (typeof node.type === 'string') visit(node);
  for (const key of Object.keys(node)) {
    if (key !== 'parent') walk(node[key], visit);
  }
}

function propertyOf(object: Node, name: string): Node | undefined {
  return object.properties?.find(
    (p: Node) => p.type === 'Property' && (p.key?.name === name || p.key?.value === name),
  )?.value;
}

function literal(node: Node): string | undefined {
  if (node?.type === 'TSAsExpression' || node?.type === 'TSSatisfiesExpression') {
    return literal(node.expression);
  }
  return node?.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
}

class SourceFile {
  readonly path: string;
  readonly ast: Node;
  readonly text: string;
  /** Any `const|let NAME = …` in the file, and `for (const NAME of [...])` loops. */
  readonly locals = new Map<string, Node>();
  readonly loops = new Map<string, Node[]>();
  /** Arguments of `NAME.push(…)` calls, which make array elements optional. */
  readonly pushes = new Map<string, Node[]>();

  constructor(path: string) {
    this.path = path;
    this.text = readFileSync(path, 'utf8');
    this.ast = parseAst(this.text, { lang: 'ts' }, path);
    walk(this.ast, (n) => {
      if (n.type === 'VariableDeclarator' && n.id?.type === 'Identifier' && n.init) {
        this.locals.set(n.id.name, n.init);
      }
      if (n.type === 'ForOfStatement' && n.right?.type === 'ArrayExpression') {
        const id = n.left?.declarations?.[0]?.id;
        if (id?.type === 'Identifier') this.loops.set(id.name, n.right.elements);
      }
      const callee = n.type === 'CallExpression' ? n.callee : undefined;
      if (callee?.type === 'MemberExpression' && callee.property?.name === 'push') {
        const name = callee.object?.name as string | undefined;
        if (name) this.pushes.set(name, [...(this.pushes.get(name) ?? []), ...n.arguments]);
      }
    });
  }

  line(offset: number): number {
    return this.text.slice(0, offset).split('\n').length;
  }

  /** A top-level `const NAME = …` or `function NAME`, following relative imports if needed. */
  constant(name: string, depth = 0): { node: Node; file: SourceFile } | undefined {
    for (const statement of this.ast.body) {
      const declaration =
        statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (declaration?.type === 'FunctionDeclaration' && declaration.id?.name === name) {
        return { node: declaration, file: this };
      }
      if (declaration?.type !== 'VariableDeclaration') continue;
      for (const d of declaration.declarations) {
        if (d.id?.name === name && d.init) return { node: d.init, file: this };
      }
    }
    if (depth > 2) return undefined;
    for (const statement of this.ast.body) {
      if (statement.type !== 'ImportDeclaration') continue;
      const source = statement.source.value as string;
      const hit = statement.specifiers.find((s: Node) => s.local?.name === name);
      if (!hit || !source.startsWith('.')) continue;
      const imported = new SourceFile(resolve(dirname(this.path), source));
      return imported.constant(hit.imported?.name ?? name, depth + 1);
    }
    return undefined;
  }
}

/** The function a call goes to: `name(…)` or `object.name(…)` on a constant object. */
function calleeOf(callee: Node, file: SourceFile): { node: Node; file: SourceFile } | undefined {
  if (callee.type === 'Identifier') return file.constant(callee.name);
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier') return undefined;
  const owner = file.constant(callee.object.name);
  const fn = owner && propertyOf(owner.node, callee.property.name);
  return fn ? { node: fn, file: owner.file } : undefined;
}

/** Collection ids an expression can take: one, or each of a `for … of [A, B]` loop's values. */
function collectionIds(node: Node, file: SourceFile): string[] {
  if (node.type === 'Identifier' && !file.constant(node.name) && file.loops.has(node.name)) {
    const ids = file.loops.get(node.name)!.map((e) => collectionId(e, file));
    return ids.every(Boolean) ? (ids as string[]) : [];
  }
  const id = collectionId(node, file);
  return id ? [id] : [];
}

/** The collection id of a collection expression; undefined when it cannot be known statically. */
function collectionId(node: Node, file: SourceFile): string | undefined {
  let text: string | undefined;
  if (node.type === 'Literal') text = literal(node);
  if (node.type === 'TemplateLiteral') text = node.quasis.at(-1)?.value.cooked;
  if (node.type === 'Identifier') {
    const found = file.constant(node.name);
    return found ? collectionId(found.node, found.file) : undefined;
  }
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') {
    return collectionId(node.expression, file);
  }
  if (node.type === 'CallExpression') {
    const found = calleeOf(node.callee, file);
    const body = found?.node.body;
    if (!found || !body) return undefined;
    const returned =
      body.type === 'BlockStatement'
        ? body.body.find((s: Node) => s.type === 'ReturnStatement')?.argument
        : body;
    return returned ? collectionId(returned, found.file) : undefined;
  }
  const id = text?.split('/').at(-1);
  return id && /^[A-Za-z0-9_-]+$/.test(id) ? id : undefined;
}

type Variant<T> = T[][];

/** Array elements, expanding `...(cond ? [a] : [])` spreads into every combination. */
function arrayVariants(node: Node | undefined, file: SourceFile): Variant<Node> | undefined {
  if (node === undefined) return [[]];
  if (node.type === 'ConditionalExpression') {
    const branches = [arrayVariants(node.consequent, file), arrayVariants(node.alternate, file)];
    return branches.some((b) => b === undefined) ? undefined : branches.flatMap((b) => b!);
  }
  if (node.type === 'Identifier') {
    const found = file.constant(node.name);
    if (found) return arrayVariants(found.node, found.file);
    const local = file.locals.get(node.name);
    if (!local) return undefined;
    let variants = arrayVariants(local, file);
    // Each `where.push(x)` may or may not have run: every subset is a possible query.
    for (const pushed of file.pushes.get(node.name) ?? []) {
      variants = variants?.flatMap((v) => [v, [...v, pushed]]);
    }
    return variants;
  }
  if (node.type !== 'ArrayExpression') return undefined;
  let variants: Variant<Node> = [[]];
  for (const element of node.elements) {
    if (element?.type !== 'SpreadElement') {
      variants = variants.map((v) => [...v, element]);
      continue;
    }
    const arg = element.argument;
    if (arg.type !== 'ConditionalExpression') return undefined;
    const branches = [arrayVariants(arg.consequent, file), arrayVariants(arg.alternate, file)];
    if (branches.some((b) => b === undefined)) return undefined;
    const options = branches.flatMap((b) => b!);
    variants = variants.flatMap((v) => options.map((o) => [...v, ...o]));
  }
  return variants;
}

function readShapes(call: Node, file: SourceFile): QueryShape[] | UnreadableQuery {
  const at = `${file.path}:${file.line(call.start)}`;
  const arg = call.arguments[0];
  const whereVariants = arrayVariants(propertyOf(arg, 'where'), file);
  const orderVariants = arrayVariants(propertyOf(arg, 'orderBy'), file);
  if (!whereVariants || !orderVariants) return { at, reason: 'where/orderBy is not an array' };

  let collections = collectionIds(propertyOf(arg, 'collection'), file);
  if (collections.length === 0) {
    // A query with at most one filtered or ordered field never needs a composite index, so
    // its collection does not matter (a generic helper paging any collection, say).
    const fields = (v: Node[]) => v.map((x) => literal(propertyOf(x, 'field')));
    const simple = whereVariants.every((w) =>
      orderVariants.every((o) => new Set([...fields(w), ...fields(o)]).size <= 1),
    );
    if (!simple) return { at, reason: 'collection path is not a literal or constant' };
    collections = ['*'];
  }

  const shapes: QueryShape[] = [];
  for (const where of whereVariants) {
    for (const order of orderVariants) {
      const filters = where.map((f) => ({
        field: literal(propertyOf(f, 'field')) ?? '',
        op: literal(propertyOf(f, 'op')) ?? '',
      }));
      const orderBy = order.map((o) => ({
        field: literal(propertyOf(o, 'field')) ?? '',
        direction: (literal(propertyOf(o, 'direction')) ?? 'asc') as 'asc' | 'desc',
      }));
      if ([...filters, ...orderBy].some((x) => !x.field || ('op' in x && !x.op))) {
        return { at, reason: 'a field, operator or direction is not a string literal' };
      }
      for (const collection of collections) shapes.push({ collection, filters, orderBy, at });
    }
  }
  return shapes;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.ts$/.test(entry.name) && !/\.(test|spec)\.ts$/.test(entry.name)) yield path;
  }
}

/** Every `.query({ collection, … })` call under the given folders (tests excluded). */
export function extractQueryShapes(
  root: string,
  dirs: readonly string[],
): { shapes: QueryShape[]; unreadable: UnreadableQuery[] } {
  const shapes: QueryShape[] = [];
  const unreadable: UnreadableQuery[] = [];
  for (const dir of dirs) {
    for (const path of sourceFiles(join(root, dir))) {
      const file = new SourceFile(path);
      walk(file.ast, (node) => {
        const callee = node.type === 'CallExpression' ? node.callee : undefined;
        const named = callee?.type === 'MemberExpression' && callee.property?.name === 'query';
        const arg = node.arguments?.[0];
        if (!named || arg?.type !== 'ObjectExpression' || !propertyOf(arg, 'collection')) return;
        const result = readShapes(node, file);
        if (Array.isArray(result)) shapes.push(...result);
        else unreadable.push(result);
      });
    }
  }
  const rel = (at: string) => relative(root, at);
  return {
    shapes: shapes.map((s) => ({ ...s, at: rel(s.at) })),
    unreadable: unreadable.map((u) => ({ ...u, at: rel(u.at) })),
  };
}
