import { parseArgs } from 'node:util';
import { addMember } from '../admin/auth/add-member.ts';
import { requestSignInLink } from '../admin/auth/request-sign-in-link.ts';
import { createShop, listShops } from '../admin/shops/create-shop.ts';
import { loadConfig } from '../core/config.ts';
import { createLogger } from '../core/logger.ts';
import { createDeps, type Deps } from '../deps.ts';
import { BACKUP_COMMANDS } from './backup-commands.ts';
import { COST_COMMANDS } from './cost-commands.ts';
import { PUBLISH_COMMANDS } from './publish-commands.ts';

/**
 * The operator CLI: `npm run konta -- <command> [--flag value]`. Each command is one row of
 * COMMANDS: its flags, a one-line help and a run function. Add rows; keep them short.
 */
interface Command {
  help: string;
  flags: Record<string, { type: 'string' | 'boolean'; required?: boolean }>;
  run(deps: Deps, flags: Record<string, string | boolean | undefined>): Promise<void>;
}

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : '');

export const COMMANDS: Record<string, Command> = {
  'shop:create': {
    help: '--id bakery --name "Horno Sin" --email owner@example.com [--plan catalog|production]',
    flags: {
      id: { type: 'string', required: true },
      name: { type: 'string', required: true },
      email: { type: 'string', required: true },
      plan: { type: 'string' },
    },
    async run(deps, f) {
      const plan = f.plan === 'catalog' ? 'catalog' : 'production';
      const shop = await createShop(deps, {
        id: str(f.id),
        name: str(f.name),
        contactEmail: str(f.email),
        plan,
      });
      console.log(`created shop ${shop.id} (${shop.plan})`);
    },
  },
  'shop:invite-owner': {
    help: '--shop bakery --email owner@example.com [--locale es|en]',
    flags: {
      shop: { type: 'string', required: true },
      email: { type: 'string', required: true },
      locale: { type: 'string' },
    },
    async run(deps, f) {
      const shopId = str(f.shop);
      if (!(await deps.store.get(`shops/${shopId}`)).exists) {
        throw new Error(`There is no shop ${shopId}; create it with shop:create first.`);
      }
      const locale = f.locale === 'en' ? 'en' : 'es';
      const { userId } = await addMember(deps, {
        shopId,
        email: str(f.email),
        role: 'owner',
        locale,
      });
      await requestSignInLink(deps, { email: str(f.email), ip: 'cli', locale, shopId });
      console.log(`invited owner ${userId} to ${shopId}; a sign-in link was emailed`);
    },
  },
  'shop:list': {
    help: 'lists every shop',
    flags: {},
    async run(deps) {
      const shops = await listShops(deps);
      for (const s of shops) console.log(`${s.id}\t${s.plan}\t${s.createdAt}\t${s.name}`);
      console.log(`${shops.length} shop(s)`);
    },
  },
  ...PUBLISH_COMMANDS,
  ...BACKUP_COMMANDS,
  ...COST_COMMANDS,
};

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(20)} ${c.help}`);
  return `usage: npm run konta -- <command> [flags]\n\n${rows.join('\n')}`;
}

export async function runCli(argv: string[], deps?: Deps): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(usage());
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: command.flags, strict: true });
  const missing = Object.entries(command.flags)
    .filter(([flag, spec]) => spec.required && values[flag] === undefined)
    .map(([flag]) => `--${flag}`);
  if (missing.length > 0) {
    console.error(`${name}: missing ${missing.join(', ')}\n  ${command.help}`);
    return 2;
  }
  const own = deps ?? (await createDeps(loadConfig(), { log: createLogger({ level: 'warn' }) }));
  try {
    await command.run(own, values as Record<string, string | boolean | undefined>);
    return 0;
  } catch (error) {
    console.error(`${name}: ${(error as Error).message}`);
    return 1;
  } finally {
    if (!deps) {
      await own.mailer.close();
      await own.store.close();
    }
  }
}

if (import.meta.main) process.exitCode = await runCli(process.argv.slice(2));
