import type { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import type { AppEnv } from '../http/types.ts';
import { openMediaStorage } from '../media/open-media.ts';
import type { MediaStorage } from '../media/storage.ts';
import { requireMember } from './auth/require-member.ts';
import { registerAuthRoutes } from './auth/routes.ts';
import { registerCsvRoutes } from './csv/routes.ts';
import { registerProductRoutes } from './products/routes.ts';

export interface AdminRouteOptions {
  media?: MediaStorage;
  /** Downloads images named in CSV imports; tests point it at a loopback server. */
  fetcher?: typeof fetch;
}

/**
 * Mounts the admin's own routes. `requireMember` guards every `/api/admin/*` path except the
 * sign-in ones, including routes other domains register on the same app afterwards.
 */
export function registerAdminRoutes(
  app: Hono<AppEnv>,
  deps: Deps,
  options: AdminRouteOptions = {},
): void {
  const media = options.media ?? openMediaStorage(deps);
  app.use('/api/admin/*', requireMember(deps));
  registerAuthRoutes(app, deps);
  registerProductRoutes(app, deps, media);
  registerCsvRoutes(app, deps, media, options.fetcher ? { fetcher: options.fetcher } : {});
}
