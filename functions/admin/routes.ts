import type { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import type { AppEnv } from '../http/types.ts';
import { requireMember } from './auth/require-member.ts';
import { registerAuthRoutes } from './auth/routes.ts';

/**
 * Mounts the admin's own routes. `requireMember` guards every `/api/admin/*` path except the
 * sign-in ones, including routes other domains register on the same app afterwards.
 */
export function registerAdminRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.use('/api/admin/*', requireMember(deps));
  registerAuthRoutes(app, deps);
}
