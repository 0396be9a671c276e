import type { Hono } from 'hono';
import { AppError } from '../core/errors.ts';
import type { Deps } from '../deps.ts';
import type { AppEnv } from '../http/types.ts';
import { openMediaStorage } from '../media/open-media.ts';
import type { MediaStorage } from '../media/storage.ts';
import { requireMember } from './auth/require-member.ts';
import { registerAuthRoutes } from './auth/routes.ts';
import { registerCsvRoutes } from './csv/routes.ts';
import { registerDashboardRoutes } from './dashboard/routes.ts';
import { registerInventoryViewRoutes } from './inventory/routes.ts';
import { registerMemberRoutes } from './members/routes.ts';
import { registerOrderSearchRoutes } from './orders/routes.ts';
import { registerProductRoutes } from './products/routes.ts';
import { localPublisher, type Publisher } from './publish/publish-now.ts';
import { registerPublishRoutes } from './publish/routes.ts';
import { registerSettingsRoutes } from './settings/routes.ts';

export interface AdminRouteOptions {
  media?: MediaStorage;
  /** Downloads images named in CSV imports; tests point it at a loopback server. */
  fetcher?: typeof fetch;
  publisher?: Publisher;
}

function defaultPublisher(deps: Deps): Publisher {
  if (deps.config.store.kind === 'sqlite') return localPublisher(deps);
  return async () => {
    throw new AppError('upstream_unavailable', {
      message: 'Publishing from the admin is not available in this deployment yet.',
      hint: 'Publish with the operator deploy command (see docs/operations).',
    });
  };
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
  registerSettingsRoutes(app, deps);
  registerMemberRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerInventoryViewRoutes(app, deps);
  registerOrderSearchRoutes(app, deps);
  registerPublishRoutes(app, deps, options.publisher ?? defaultPublisher(deps));
}
