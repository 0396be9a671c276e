/**
 * `npm run bench -- <scenario> [args]`: runs bench/scenarios/<scenario>.ts. Progress goes to
 * stderr; the scenario's result is printed last, as one JSON line on stdout.
 */
import { readdirSync } from 'node:fs';

const [scenario, ...args] = process.argv.slice(2);
const available = readdirSync(new URL('./scenarios/', import.meta.url))
  .filter((f) => f.endsWith('.ts') && !f.includes('.worker.') && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));

if (!scenario || !available.includes(scenario)) {
  console.error(`Usage: npm run bench -- <scenario>\nScenarios: ${available.join(', ')}`);
  process.exit(2);
}

const module = (await import(`./scenarios/${scenario}.ts`)) as {
  default: (args: string[]) => Promise<object>;
};
const result = await module.default(args);
console.log(JSON.stringify(result));
process.exit(0);
