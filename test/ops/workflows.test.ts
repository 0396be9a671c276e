import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, '.github', path), 'utf8');
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;

/** The `run:` commands of a workflow, in order (single-line and block forms). */
function runs(yaml: string): string[] {
  const out: string[] = [];
  const lines = yaml.split('\n');
  for (const [i, line] of lines.entries()) {
    const m = line.match(/^(\s*)-?\s*run:\s*(\|)?\s*(.*)$/);
    if (!m) continue;
    if (!m[2]) {
      out.push(m[3]!);
      continue;
    }
    const indent = ' '.repeat(lines[i + 1]?.match(/^\s*/)?.[0].length ?? 0);
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith(indent); j++) {
      out.push(lines[j]!.trim());
    }
  }
  return out;
}

describe('CI/CD workflows', () => {
  it('tests every push and pull request on Debian with its chromium, npm ci and npm test', () => {
    const test = read('workflows/test.yml');
    expect(test).toMatch(/^on:\n(?:.*\n)*?\s+pull_request:/m);
    expect(test).toMatch(/^\s+push:/m);
    expect(test).toMatch(/container: node:24-bookworm/);
    const commands = runs(test);
    expect(commands).toContain(
      'apt-get install -y --no-install-recommends chromium fonts-dejavu-core',
    );
    expect(commands.indexOf('npm ci')).toBeLessThan(commands.indexOf('npm test'));
    expect(scripts.test).toMatch(/check.*vitest run/);
  });

  it('deploys main to dev and release tags to prod, each only after the tests pass', () => {
    const dev = read('workflows/deploy-dev.yml');
    const prod = read('workflows/deploy-prod.yml');
    expect(dev).toMatch(/push:\n\s+branches: \[main\]/);
    expect(prod).toMatch(/push:\n\s+tags: \[["']v\*["']\]/);
    for (const [yaml, env] of [
      [dev, 'dev'],
      [prod, 'prod'],
    ] as const) {
      expect(yaml).toMatch(/uses: \.\/\.github\/workflows\/test\.yml/);
      expect(yaml).toMatch(/needs: test/);
      expect(yaml).toMatch(/id-token: write/);
      expect(runs(yaml).some((c) => c.startsWith(`npm run deploy -- --env ${env} `))).toBe(true);
    }
    expect(read('workflows/test.yml')).toMatch(/workflow_call:/);
  });

  it('updates npm dependencies monthly', () => {
    const bot = read('dependabot.yml');
    expect(bot).toMatch(
      /package-ecosystem: npm\n\s+directory: \/\n\s+schedule:\n\s+interval: monthly/,
    );
  });
});
