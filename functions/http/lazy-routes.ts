import { type Context, Hono } from 'hono';
import type { Deps } from '../deps.ts';
import { routeNotFound } from './app.ts';
import type { AppEnv } from './types.ts';

export type RegisterRoutes = (app: Hono<AppEnv>, deps: Deps) => void;

type LazyEnv = AppEnv & { Bindings: { parent: Context<AppEnv> } };

/**
 * Serves a domain's routes from a module loaded on the first request under `paths`, so a cold
 * instance compiles only what it serves. The domain's routes run in a child app that inherits
 * the parent's request id and logger; its errors and unknown routes surface in the parent,
 * where the one error handler and the access log are.
 */
export function mountLazy(
  app: Hono<AppEnv>,
  deps: Deps,
  paths: readonly string[],
  load: () => Promise<RegisterRoutes>,
): void {
  let child: Promise<Hono<LazyEnv>> | undefined;

  const build = async (): Promise<Hono<LazyEnv>> => {
    const register = await load();
    const sub = new Hono<LazyEnv>();
    sub.use(async function inheritRequestContext(c, next) {
      const parent = c.env.parent;
      c.set('requestId', parent.get('requestId'));
      c.set('log', parent.get('log'));
      await next();
    });
    register(sub as unknown as Hono<AppEnv>, deps);
    sub.onError((error) => {
      throw error;
    });
    sub.notFound((c) => {
      throw routeNotFound(c.req.raw);
    });
    return sub;
  };

  const handler = async (c: Context<AppEnv>) => {
    child ??= build().catch((error: unknown) => {
      child = undefined;
      throw error;
    });
    return (await child).fetch(c.req.raw, { parent: c });
  };
  for (const path of paths) app.all(path, handler);
}
