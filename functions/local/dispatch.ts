import type { Hono } from 'hono';
import { createAdminApi } from '../apps/admin-api.ts';
import { createJobsApp } from '../apps/jobs.ts';
import { createStorefrontApi } from '../apps/storefront-api.ts';
import { createWebhooksApp } from '../apps/webhooks.ts';
import type { Deps } from '../deps.ts';

export interface FunctionApps {
  storefrontApi: Hono<never> | { fetch: (req: Request) => Response | Promise<Response> };
  adminApi: { fetch: (req: Request) => Response | Promise<Response> };
  webhooks: { fetch: (req: Request) => Response | Promise<Response> };
  jobs: { fetch: (req: Request) => Response | Promise<Response> };
}

export function createFunctionApps(deps: Deps): FunctionApps {
  return {
    storefrontApi: createStorefrontApi(deps),
    adminApi: createAdminApi(deps),
    webhooks: createWebhooksApp(deps),
    jobs: createJobsApp(deps),
  };
}

/**
 * Routes a request to the function that would serve it in the cloud, mirroring the Hosting
 * rewrites in firebase.json; undefined when no function owns the path.
 */
export function functionFor(apps: FunctionApps, pathname: string) {
  if (pathname.startsWith('/api/admin/') || pathname === '/api/admin') return apps.adminApi;
  if (pathname.startsWith('/api/webhooks/')) return apps.webhooks;
  if (pathname.startsWith('/jobs/')) return apps.jobs;
  if (pathname.startsWith('/api/')) return apps.storefrontApi;
  return undefined;
}
