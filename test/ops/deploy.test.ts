import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, matchesGlob, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJobsApp, LOCAL_SCHEDULE } from '../../functions/apps/jobs.ts';
import { FUNCTIONS } from '../../functions/ops/functions.ts';
import { SCHEDULES } from '../../functions/ops/schedules.ts';
import { createTestDeps } from '../support/deps.ts';

const root = resolve(import.meta.dirname, '../..');
const node = process.execPath;
const firebaseJson = JSON.parse(readFileSync(join(root, 'firebase.json'), 'utf8'));
const rc = JSON.parse(readFileSync(join(root, '.firebaserc'), 'utf8'));

function sitesWith(shops: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'konta-sites-'));
  for (const [i, shop] of shops.entries()) {
    // Publishing's layout: builds/<stamp>/ with a `current` symlink; a plain folder works too.
    const build = i === 0 ? join(dir, shop, 'builds', 'b1') : join(dir, shop);
    mkdirSync(build, { recursive: true });
    writeFileSync(join(build, 'index.html'), `<h1>${shop}</h1>`);
    if (i === 0) symlinkSync(join('builds', 'b1'), join(dir, shop, 'current'));
  }
  mkdirSync(join(dir, 'half-built'));
  return dir;
}

function dryRun(env: string, sitesDir: string): string[] {
  const out = execFileSync(
    node,
    [
      'functions/cli/deploy.ts',
      '--env',
      env,
      '--dry-run',
      '--sites-dir',
      sitesDir,
      '--release',
      'v1.2.3',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  return out.trim().split('\n');
}

const flag = (line: string, name: string) => line.match(new RegExp(`--${name}=(\\S+)`))?.[1];

describe('npm run deploy -- --env prod --dry-run', () => {
  const lines = dryRun('prod', sitesWith(['bakery', 'prints']));
  const project = rc.projects.prod as string;

  it('targets the prod project from .firebaserc on every cloud command', () => {
    expect(project).toBe('konta-prod');
    expect(lines[0]).toBe(`# deploy to prod (${project}), ${lines.length - 1} steps`);
    const cloud = lines.filter((l) => /^(gcloud|firebase) /.test(l));
    expect(cloud.length).toBeGreaterThan(8);
    for (const line of cloud) expect(line).toContain(`--project=${project}`);
    expect(dryRun('dev', sitesWith([])).join('\n')).not.toMatch(/konta-prod(?![a-z])/);
  });

  it('builds, then deploys every entry point with its functions-framework target', () => {
    expect(lines[1]).toBe('npm run build:functions');
    const entries = readdirSync(join(root, 'functions/entries')).filter((f) => f.endsWith('.ts'));
    expect(entries.length).toBe(FUNCTIONS.length);
    for (const file of entries) {
      const source = readFileSync(join(root, 'functions/entries', file), 'utf8');
      const target = source.match(/http\('([^']+)'/)?.[1];
      const name = file.replace(/\.ts$/, '');
      const line = lines.find((l) => l.startsWith(`gcloud functions deploy ${name} `));
      expect(line, `deploy line for ${file}`).toBeDefined();
      expect(flag(line!, 'entry-point')).toBe(target);
      expect(flag(line!, 'source')).toBe(`dist/functions/${name}`);
      expect(flag(line!, 'runtime')).toBe('nodejs24');
      expect(line).toContain('--gen2');
      expect(line).toContain('KONTA_ENV=prod,STORE=firestore');
      expect(line).toContain('release=v1-2-3');
    }
  });

  it('deploys every Cloud Run service that firebase.json rewrites to, public, in its region', () => {
    const rewrites = firebaseJson.hosting.flatMap(
      (h: { rewrites: { source: string; run?: { serviceId: string; region: string } }[] }) =>
        h.rewrites.filter((r) => r.run),
    );
    expect(rewrites.length).toBeGreaterThan(0);
    for (const { source, run } of rewrites) {
      const line = lines.find((l) => l.startsWith(`gcloud functions deploy ${run.serviceId} `));
      expect(line, `function for rewrite ${source}`).toBeDefined();
      expect(flag(line!, 'region')).toBe(run.region);
      expect(line).toContain('--allow-unauthenticated');
    }
    const jobs = lines.find((l) => l.startsWith('gcloud functions deploy jobs '));
    expect(jobs).toContain('--no-allow-unauthenticated');
  });

  it('deploys Firestore rules and indexes, and Hosting for each target and published shop', () => {
    expect(lines).toContain(
      `firebase deploy --only=firestore:rules,firestore:indexes --project=${project} --non-interactive`,
    );
    expect(firebaseJson.firestore).toEqual({
      rules: 'firestore.rules',
      indexes: 'firestore.indexes.json',
    });
    const targets = firebaseJson.hosting.map((h: { target: string }) => h.target);
    for (const target of targets.filter((t: string) => t !== 'shop')) {
      expect(lines.some((l) => l.startsWith(`firebase deploy --only=hosting:${target} `))).toBe(
        true,
      );
    }
    for (const shop of ['bakery', 'prints']) {
      const site = `${project}-${shop}`;
      expect(lines).toContain(
        `firebase hosting:sites:get ${site} --project=${project} --non-interactive || ` +
          `firebase hosting:sites:create ${site} --project=${project} --non-interactive`,
      );
      const deploy = lines.find((l) => l.includes(`--only=hosting:${site} `));
      expect(flag(deploy!, 'config')).toBe(`dist/deploy/shops/${shop}/firebase.json`);
    }
    const adminBuild = lines.indexOf(
      'node web/admin/build-admin-ui.ts dist/hosting/platform/admin',
    );
    expect(adminBuild).toBeGreaterThan(0);
    expect(adminBuild).toBeLessThan(lines.findIndex((l) => l.includes('--only=hosting:platform')));
    expect(lines.join('\n')).not.toContain('half-built');
    expect(lines.at(-1)).toContain('--only=hosting:');
  });

  it('schedules every job route, after the jobs function, plus the daily managed export', () => {
    const describe = lines.findIndex((l) => l.startsWith('JOBS_URL=$(gcloud functions describe'));
    const jobsDeploy = lines.findIndex((l) => l.startsWith('gcloud functions deploy jobs '));
    expect(describe).toBeGreaterThan(jobsDeploy);
    for (const s of SCHEDULES) {
      const line = lines.find((l) => l.includes(`create http konta-${s.name} `));
      expect(line).toContain(`--uri=\${JOBS_URL}${s.path}`);
      expect(line).toContain('--oidc-service-account-email=');
    }
    const exportJob = lines.find((l) => l.includes('create http konta-firestore-export '));
    expect(exportJob).toContain(`/projects/${project}/databases/(default):exportDocuments`);
    expect(exportJob).toContain(`gs://${project}-backups/firestore`);
    expect(exportJob).toContain("'--schedule=0 3 * * *'");
    expect(lines).toContain(
      `gcloud storage buckets update gs://${project}-backups --project=${project} --lifecycle-file=dist/deploy/backup-lifecycle.json`,
    );
  });

  it('has a cloud schedule for every local one, each a POST route of the jobs app', async () => {
    const { deps, close } = await createTestDeps();
    const routes = createJobsApp(deps).routes.map((r) => `${r.method} ${r.path}`);
    for (const s of SCHEDULES) expect(routes).toContain(`POST ${s.path}`);
    for (const local of LOCAL_SCHEDULE) {
      expect(SCHEDULES.map((s) => s.path)).toContain(local.path);
    }
    await close();
  });
});

describe('firebase.json hosting headers', () => {
  type Rule = { source: string; headers: { key: string; value: string }[] };
  /** Hosting applies every matching rule; for the same header the last one wins. */
  function headersFor(path: string, rules: Rule[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const rule of rules) {
      const glob = rule.source.startsWith('/') ? rule.source : `/${rule.source}`;
      if (!matchesGlob(path, glob)) continue;
      for (const h of rule.headers) out[h.key] = h.value;
    }
    return out;
  }

  for (const site of firebaseJson.hosting as { target: string; headers: Rule[] }[]) {
    it(`[${site.target}] sends security headers everywhere and caches by kind`, () => {
      for (const path of ['/', '/index.html', '/es/productos/pan', '/_astro/app.C3x9.js']) {
        const h = headersFor(path, site.headers);
        expect(h['Content-Security-Policy']).toMatch(/default-src 'self'/);
        expect(h['Content-Security-Policy']).toMatch(/frame-ancestors 'none'/);
        expect(h['Strict-Transport-Security']).toMatch(/max-age=\d{8}/);
        expect(h['X-Content-Type-Options']).toBe('nosniff');
        expect(h['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
      }
      expect(headersFor('/es/productos/pan', site.headers)['Cache-Control']).toMatch(
        /max-age=300\b/,
      );
      expect(headersFor('/_astro/app.C3x9.js', site.headers)['Cache-Control']).toBe(
        'public, max-age=31536000, immutable',
      );
      expect(headersFor('/api/shops/x/products', site.headers)['Cache-Control']).toBe('no-store');
    });
  }
});

describe('npm run deploy (executing, with stand-in CLIs)', () => {
  it('runs every step, falls back to update when create fails, and fills in captured values', () => {
    const bin = mkdtempSync(join(tmpdir(), 'konta-bin-'));
    const log = join(bin, 'calls.log');
    const stub = (name: string, body: string) => {
      writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >> "${log}"\n${body}\n`);
      chmodSync(join(bin, name), 0o755);
    };
    stub('npm', 'exit 0');
    stub('firebase', 'exit 0');
    stub(
      'gcloud',
      [
        'case "$*" in',
        '  *"functions describe"*) echo https://jobs-abc-ew.a.run.app ;;',
        '  *"scheduler jobs create"*) exit 1 ;;',
        'esac',
        'exit 0',
      ].join('\n'),
    );
    const result = spawnSync(
      node,
      ['functions/cli/deploy.ts', '--env', 'dev', '--sites-dir', sitesWith(['bakery'])],
      { cwd: root, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls[0]).toBe('npm run build:functions');
    const update = calls.find((c) => c.includes('scheduler jobs update http konta-outbox-drain'));
    expect(update).toContain('--uri=https://jobs-abc-ew.a.run.app/jobs/outbox/drain');
    const shopConfig = JSON.parse(
      readFileSync(join(root, 'dist/deploy/shops/bakery/firebase.json'), 'utf8'),
    );
    expect(shopConfig.hosting.site).toBe('konta-dev-bakery');
    expect(readFileSync(join(root, 'dist/deploy/shops/bakery/public/index.html'), 'utf8')).toBe(
      '<h1>bakery</h1>',
    );
  });
});
