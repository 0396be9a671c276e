import { bucketLifecycle } from '../backup/retention.ts';
import type { Environment } from './environments.ts';
import type { DeployableFunction } from './functions.ts';
import { FIRESTORE_EXPORT, type Schedule } from './schedules.ts';

/**
 * One deploy step. `run` executes argv (no shell); `orElse` runs when it fails, which makes
 * create-or-update idempotent. `capture` stores the command's trimmed stdout in `variable`,
 * later steps refer to it as `${variable}`. `write` writes a generated file.
 */
export type Step =
  | { kind: 'run'; argv: string[]; orElse?: string[] }
  | { kind: 'capture'; variable: string; argv: string[] }
  | { kind: 'write'; path: string; content: string };

/** firebase.json's hosting entry as the plan reads it. */
export interface HostingConfig {
  target: string;
  public: string;
  [key: string]: unknown;
}

export interface DeployInput {
  readonly env: Environment;
  readonly functions: readonly DeployableFunction[];
  readonly schedules: readonly Schedule[];
  readonly hosting: readonly HostingConfig[];
  /** Published storefronts: shop id → folder holding its built site. */
  readonly shops: readonly { shopId: string; dir: string }[];
  /** Labels the release on every function and Hosting version (a git sha or tag). */
  readonly release: string;
  readonly firebaseBin?: string;
}

/** Hosting site id of a shop: globally unique across Firebase, at most 30 characters. */
export function shopSiteId(projectId: string, shopId: string): string {
  return `${projectId}-${shopId}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 30);
}

function deployFunction(fn: DeployableFunction, input: DeployInput): Step {
  const { env, release } = input;
  const vars = [
    `KONTA_ENV=${env.name}`,
    'STORE=firestore',
    `FIRESTORE_PROJECT_ID=${env.projectId}`,
    `PUBLIC_BASE_URL=${env.publicBaseUrl}`,
    'LOG_LEVEL=info',
  ];
  const secrets = fn.secrets.map((s) => `${s}=${s}:latest`);
  return {
    kind: 'run',
    argv: [
      'gcloud',
      'functions',
      'deploy',
      fn.name,
      '--gen2',
      `--project=${env.projectId}`,
      `--region=${env.region}`,
      '--runtime=nodejs24',
      `--source=dist/functions/${fn.name}`,
      `--entry-point=${fn.target}`,
      '--trigger-http',
      fn.public ? '--allow-unauthenticated' : '--no-allow-unauthenticated',
      `--memory=${fn.memory}`,
      `--cpu=${fn.cpu}`,
      `--concurrency=${fn.concurrency}`,
      `--timeout=${fn.timeoutSeconds}s`,
      `--min-instances=${env.minInstances}`,
      `--max-instances=${fn.maxInstances}`,
      `--service-account=${env.runtimeServiceAccount}`,
      `--set-env-vars=${vars.join(',')}`,
      ...(secrets.length ? [`--set-secrets=${secrets.join(',')}`] : []),
      `--update-labels=app=konta,env=${env.name},release=${labelValue(release)}`,
      '--quiet',
    ],
  };
}

/** Label values: lowercase letters, digits, `-` and `_`, at most 63 characters. */
function labelValue(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '-')
    .slice(0, 63);
}

function scheduleJob(name: string, env: Environment, flags: string[]): Step {
  const common = [`--project=${env.projectId}`, `--location=${env.region}`, ...flags, '--quiet'];
  return {
    kind: 'run',
    argv: ['gcloud', 'scheduler', 'jobs', 'create', 'http', `konta-${name}`, ...common],
    orElse: ['gcloud', 'scheduler', 'jobs', 'update', 'http', `konta-${name}`, ...common],
  };
}

function backupSteps(env: Environment): Step[] {
  const bucket = `gs://${env.backupBucket}`;
  const lifecycle = 'dist/deploy/backup-lifecycle.json';
  const exportUri =
    `https://firestore.googleapis.com/v1/projects/${env.projectId}` +
    '/databases/(default):exportDocuments';
  return [
    {
      kind: 'run',
      argv: ['gcloud', 'storage', 'buckets', 'describe', bucket, `--project=${env.projectId}`],
      orElse: [
        'gcloud',
        'storage',
        'buckets',
        'create',
        bucket,
        `--project=${env.projectId}`,
        `--location=${env.region}`,
        '--uniform-bucket-level-access',
        '--public-access-prevention',
      ],
    },
    { kind: 'write', path: lifecycle, content: `${JSON.stringify(bucketLifecycle())}\n` },
    {
      kind: 'run',
      argv: [
        'gcloud',
        'storage',
        'buckets',
        'update',
        bucket,
        `--project=${env.projectId}`,
        `--lifecycle-file=${lifecycle}`,
      ],
    },
    scheduleJob(FIRESTORE_EXPORT.name, env, [
      `--schedule=${FIRESTORE_EXPORT.cron}`,
      `--time-zone=${env.timeZone}`,
      `--uri=${exportUri}`,
      '--http-method=POST',
      `--message-body=${JSON.stringify({ outputUriPrefix: `${bucket}/${FIRESTORE_EXPORT.prefix}` })}`,
      `--oauth-service-account-email=${env.schedulerServiceAccount}`,
      '--oauth-token-scope=https://www.googleapis.com/auth/datastore',
    ]),
  ];
}

function hostingSteps(input: DeployInput): Step[] {
  const { env, release } = input;
  const firebase = input.firebaseBin ?? 'firebase';
  const project = `--project=${env.projectId}`;
  const message = `--message=release ${release}`;
  const steps: Step[] = [];
  const shopTemplate = input.hosting.find((h) => h.target === 'shop');

  for (const site of input.hosting.filter((h) => h.target !== 'shop')) {
    if (site.target === 'platform') {
      // The merchant admin UI lives at /admin/ of the platform site.
      steps.push({
        kind: 'run',
        argv: ['node', 'web/admin/build-admin-ui.ts', `${site.public}/admin`],
      });
    }
    steps.push({
      kind: 'run',
      argv: [
        firebase,
        'deploy',
        `--only=hosting:${site.target}`,
        project,
        message,
        '--non-interactive',
      ],
    });
  }
  if (!shopTemplate) return steps;

  for (const shop of input.shops) {
    const site = shopSiteId(env.projectId, shop.shopId);
    const dir = `dist/deploy/shops/${shop.shopId}`;
    const { target: _target, public: _public, ...template } = shopTemplate;
    const config = { hosting: { ...template, site, public: 'public' } };
    steps.push(
      {
        kind: 'run',
        argv: [firebase, 'hosting:sites:get', site, project, '--non-interactive'],
        orElse: [firebase, 'hosting:sites:create', site, project, '--non-interactive'],
      },
      {
        kind: 'write',
        path: `${dir}/firebase.json`,
        content: `${JSON.stringify(config, null, 2)}\n`,
      },
      { kind: 'run', argv: ['rm', '-rf', `${dir}/public`] },
      { kind: 'run', argv: ['cp', '-R', shop.dir, `${dir}/public`] },
      {
        kind: 'run',
        argv: [
          firebase,
          'deploy',
          `--only=hosting:${site}`,
          `--config=${dir}/firebase.json`,
          project,
          message,
          '--non-interactive',
        ],
      },
    );
  }
  return steps;
}

/**
 * Every command a deploy runs, in order: build, Firestore rules and indexes, each function,
 * the schedules (after the jobs function, whose URL they need), backups, then Hosting last so
 * new pages never call an API that is not deployed yet.
 */
export function planDeploy(input: DeployInput): Step[] {
  const { env } = input;
  const firebase = input.firebaseBin ?? 'firebase';
  const steps: Step[] = [
    { kind: 'run', argv: ['npm', 'run', 'build:functions'] },
    {
      kind: 'run',
      argv: [
        firebase,
        'deploy',
        '--only=firestore:rules,firestore:indexes',
        `--project=${env.projectId}`,
        '--non-interactive',
      ],
    },
    ...input.functions.map((fn) => deployFunction(fn, input)),
  ];

  const jobs = input.functions.find((f) => !f.public && f.name === 'jobs');
  if (jobs && input.schedules.length) {
    steps.push({
      kind: 'capture',
      variable: 'JOBS_URL',
      argv: [
        'gcloud',
        'functions',
        'describe',
        jobs.name,
        '--gen2',
        `--project=${env.projectId}`,
        `--region=${env.region}`,
        '--format=value(serviceConfig.uri)',
      ],
    });
    for (const s of input.schedules) {
      steps.push(
        scheduleJob(s.name, env, [
          `--schedule=${s.cron}`,
          `--time-zone=${env.timeZone}`,
          `--uri=\${JOBS_URL}${s.path}`,
          '--http-method=POST',
          `--attempt-deadline=${s.deadlineSeconds}s`,
          `--oidc-service-account-email=${env.schedulerServiceAccount}`,
          `--oidc-token-audience=\${JOBS_URL}`,
        ]),
      );
    }
  }

  return [...steps, ...backupSteps(env), ...hostingSteps(input)];
}

const quote = (arg: string) =>
  /^[\w@%+=:,./${}-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;

/** A step as one shell-like line, as `--dry-run` prints it. */
export function renderStep(step: Step): string {
  if (step.kind === 'write') return `write ${step.path} (${Buffer.byteLength(step.content)} bytes)`;
  const line = step.argv.map(quote).join(' ');
  if (step.kind === 'capture') return `${step.variable}=$(${line})`;
  return step.orElse ? `${line} || ${step.orElse.map(quote).join(' ')}` : line;
}
