import { http } from '@google-cloud/functions-framework';
import { getRequestListener } from '@hono/node-server';
import { createJobsApp } from '../apps/jobs.ts';
import { loadConfig } from '../core/config.ts';
import { InvocationMeter } from '../cost/invocation-meter.ts';
import { startUsageFlush } from '../cost/usage-store.ts';
import { createDeps } from '../deps.ts';
import { installProcessErrorReporting } from '../ops/error-reporting.ts';

// Configuration is validated when the instance starts, so a bad deploy fails at once.
const usage = new InvocationMeter();
const deps = await createDeps(loadConfig(), { usage });
installProcessErrorReporting(deps.log);
startUsageFlush({ ...deps, usage });

http('jobs', getRequestListener(createJobsApp(deps).fetch));
