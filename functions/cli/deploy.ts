import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { planDeploy, renderStep, type Step } from '../ops/deploy-plan.ts';
import { type EnvName, loadEnvironment } from '../ops/environments.ts';
import { FUNCTIONS } from '../ops/functions.ts';
import { SCHEDULES } from '../ops/schedules.ts';

const USAGE = `Usage: npm run deploy -- --env dev|prod [--dry-run] [--release <id>]
       [--sites-dir <dir>] [--shops <id,id>]

Builds and deploys the functions, Firestore rules and indexes, the schedules, the backup
bucket and export job, and Hosting for the platform and every published shop.
--dry-run prints every command instead of running it.`;

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    env: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    release: { type: 'string' },
    'sites-dir': { type: 'string', default: '.data/sites' },
    shops: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help || (values.env !== 'dev' && values.env !== 'prod')) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

function gitRelease(): string {
  const head = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root });
  return head.status === 0 ? head.stdout.toString().trim() : 'unversioned';
}

/**
 * Published shops: each sub-folder of the sites dir whose live build (`current`, the symlink
 * publishing swaps, or the folder itself) holds an index.html.
 */
function findShops(sitesDir: string, only?: string): { shopId: string; dir: string }[] {
  const abs = resolve(root, sitesDir);
  const live = (id: string) =>
    [join(abs, id, 'current'), join(abs, id)].find((d) => existsSync(join(d, 'index.html')));
  const found = existsSync(abs)
    ? readdirSync(abs, { withFileTypes: true })
        .filter((d) => d.isDirectory() && live(d.name))
        .map((d) => d.name)
    : [];
  const ids = only?.split(',').filter(Boolean) ?? found.sort();
  return ids.map((shopId) => {
    const dir = live(shopId) ?? join(abs, shopId);
    return { shopId, dir: relative(root, existsSync(dir) ? realpathSync(dir) : dir) };
  });
}

const env = loadEnvironment(root, values.env as EnvName);
const firebaseJson = JSON.parse(readFileSync(join(root, 'firebase.json'), 'utf8'));
const steps = planDeploy({
  env,
  functions: FUNCTIONS,
  schedules: SCHEDULES,
  hosting: firebaseJson.hosting,
  shops: findShops(values['sites-dir'], values.shops),
  release: values.release ?? process.env.GITHUB_SHA?.slice(0, 12) ?? gitRelease(),
  ...(process.env.FIREBASE_BIN ? { firebaseBin: process.env.FIREBASE_BIN } : {}),
});

if (values['dry-run']) {
  console.log(`# deploy to ${env.name} (${env.projectId}), ${steps.length} steps`);
  for (const step of steps) console.log(renderStep(step));
  process.exit(0);
}

const vars: Record<string, string> = {};
const expand = (argv: string[]) =>
  argv.map((a) => a.replace(/\$\{(\w+)\}/g, (_, name: string) => vars[name] ?? ''));

function run(argv: string[], capture = false): { ok: boolean; out: string } {
  const [cmd, ...args] = expand(argv);
  const result = spawnSync(cmd!, args, {
    cwd: root,
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
  });
  return { ok: result.status === 0, out: result.stdout?.toString().trim() ?? '' };
}

function execute(step: Step): boolean {
  console.log(`$ ${renderStep(step)}`);
  if (step.kind === 'write') {
    mkdirSync(dirname(join(root, step.path)), { recursive: true });
    writeFileSync(join(root, step.path), step.content);
    return true;
  }
  if (step.kind === 'capture') {
    const { ok, out } = run(step.argv, true);
    vars[step.variable] = out;
    return ok && out !== '';
  }
  if (run(step.argv).ok) return true;
  return step.orElse ? run(step.orElse).ok : false;
}

for (const [n, step] of steps.entries()) {
  if (!execute(step)) {
    console.error(`deploy stopped at step ${n + 1} of ${steps.length}: ${renderStep(step)}`);
    process.exit(1);
  }
}
console.log(`deployed ${env.name} (${env.projectId}) in ${steps.length} steps`);
