import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { AppError } from '../core/errors.ts';
import { type DeployableFunction, FUNCTIONS } from './functions.ts';

export interface BuiltFunction {
  readonly name: string;
  readonly dir: string;
  readonly files: readonly string[];
  readonly dependencies: Readonly<Record<string, string>>;
  readonly bytes: number;
}

interface RootPackage {
  dependencies?: Record<string, string>;
  engines?: { node?: string };
}

const BUILTIN = new Set(builtinModules);

/** `@scope/pkg/sub` → `@scope/pkg`, `pkg/sub` → `pkg`; undefined for Node built-ins. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('node:') || BUILTIN.has(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The exact version in node_modules, so the cloud build installs what the tests ran. */
async function installedVersion(root: string, name: string): Promise<string> {
  const file = join(root, 'node_modules', name, 'package.json');
  return (JSON.parse(await readFile(file, 'utf8')) as { version: string }).version;
}

const isBare = (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.includes('\0');

/**
 * Packages left to Cloud Build's `npm install`: the framework that loads us, the Firestore SDK
 * (protos read from disk), and heavy libraries only imported on first use (Stripe, MJML,
 * nodemailer), so they cost nothing at cold start. Everything else is bundled: one file to
 * compile instead of hundreds to resolve took cold start from ~2.0× to ~1.4× a bare hello.
 */
const RUNTIME_PACKAGES = new Set([
  '@google-cloud/functions-framework',
  '@google-cloud/firestore',
  'stripe',
  'mjml',
  'nodemailer',
]);

const isRuntimePackage = (id: string) => {
  const name = isBare(id) ? packageOf(id) : undefined;
  return name !== undefined && RUNTIME_PACKAGES.has(name);
};

const ZOD_LOCALES = '\0zod-locales-en';

/**
 * zod re-exports all of its ~50 message locales as a namespace, which defeats tree shaking;
 * Kontá only uses zod's English messages, so the namespace is narrowed to `en`.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  resolveId(source: string, importer: string | undefined) {
    const fromZod = importer?.replaceAll('\\', '/').includes('/node_modules/zod/');
    return fromZod && /\/locales\/index\.js$/.test(source) ? ZOD_LOCALES : undefined;
  },
  load(id: string) {
    return id === ZOD_LOCALES ? "export { default as en } from 'zod/v4/locales/en.js';" : undefined;
  },
};

/**
 * Bundles one entry with rolldown, minified: our code and most npm packages are inlined; the
 * runtime packages above stay external and are pinned in the output package.json so Cloud
 * Build installs them for the nodejs24 runtime. Dynamic imports (the store adapters) stay
 * separate chunks, so a function loads only the adapter it uses. A package imported at run
 * time but missing from `dependencies` fails the build instead of the first request.
 */
export async function buildFunction(
  fn: DeployableFunction,
  options: { root: string; outDir: string },
): Promise<BuiltFunction> {
  const { build } = await import('rolldown');
  const dir = join(options.outDir, fn.name);
  await rm(dir, { recursive: true, force: true });

  const result = await build({
    input: join(options.root, fn.entry),
    cwd: options.root,
    platform: 'node',
    external: isRuntimePackage,
    plugins: [zodEnglishOnly],
    logLevel: 'warn',
    write: true,
    output: {
      dir,
      format: 'esm',
      minify: true,
      entryFileNames: 'index.js',
      chunkFileNames: '[name]-[hash].js',
    },
  });

  const root = JSON.parse(
    await readFile(join(options.root, 'package.json'), 'utf8'),
  ) as RootPackage;
  const chunkNames = new Set(result.output.map((o) => o.fileName));
  const imported = new Set<string>();
  let bytes = 0;
  for (const chunk of result.output) {
    if (chunk.type !== 'chunk') continue;
    bytes += Buffer.byteLength(chunk.code);
    for (const id of [...chunk.imports, ...chunk.dynamicImports]) {
      const name = isBare(id) && !chunkNames.has(id) ? packageOf(id) : undefined;
      if (name) imported.add(name);
    }
  }

  const dependencies: Record<string, string> = {};
  for (const name of [...imported].sort()) {
    const range = root.dependencies?.[name];
    if (!range) {
      throw new AppError('internal', {
        message: `Function ${fn.name} imports ${name}, which is not in package.json dependencies`,
        hint: `Move ${name} from devDependencies to dependencies, or stop importing it.`,
      });
    }
    dependencies[name] = await installedVersion(options.root, name);
  }

  const manifest = {
    name: `konta-${fn.name}`,
    private: true,
    type: 'module',
    main: 'index.js',
    engines: { node: root.engines?.node ?? '>=24' },
    dependencies,
  };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const files = result.output.map((o) => o.fileName).sort();
  return { name: fn.name, dir, files: [...files, 'package.json'], dependencies, bytes };
}

export async function buildFunctions(options: {
  root: string;
  outDir: string;
  only?: readonly string[];
}): Promise<BuiltFunction[]> {
  await mkdir(options.outDir, { recursive: true });
  const chosen = FUNCTIONS.filter((f) => !options.only?.length || options.only.includes(f.name));
  const built: BuiltFunction[] = [];
  for (const fn of chosen) built.push(await buildFunction(fn, options));
  return built;
}
