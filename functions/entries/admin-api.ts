import { http } from '@google-cloud/functions-framework';
import { getRequestListener } from '@hono/node-server';
import { createAdminApi } from '../apps/admin-api.ts';
import { loadConfig } from '../core/config.ts';
import { createDeps } from '../deps.ts';
import { installProcessErrorReporting } from '../ops/error-reporting.ts';

// Configuration is validated when the instance starts, so a bad deploy fails at once.
const deps = await createDeps(loadConfig());
installProcessErrorReporting(deps.log);

http('adminApi', getRequestListener(createAdminApi(deps).fetch));
