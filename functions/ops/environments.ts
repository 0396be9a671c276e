import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';

export type EnvName = 'dev' | 'prod';

/** Where an environment lives. Project ids come from `.firebaserc`, the one place they are set. */
export interface Environment {
  readonly name: EnvName;
  readonly projectId: string;
  readonly region: string;
  /** Cloud Scheduler time zone; the shops are in Spain. */
  readonly timeZone: string;
  readonly publicBaseUrl: string;
  /** Runs the functions; holds Firestore and Secret Manager accessor roles only. */
  readonly runtimeServiceAccount: string;
  /** Calls the jobs function and the Firestore export API from Cloud Scheduler. */
  readonly schedulerServiceAccount: string;
  readonly backupBucket: string;
  readonly minInstances: number;
}

const FirebaseRc = z.object({ projects: z.record(z.string(), z.string()) });

export const REGION = 'europe-west1';

export function loadEnvironment(root: string, name: EnvName): Environment {
  const rc = FirebaseRc.parse(JSON.parse(readFileSync(join(root, '.firebaserc'), 'utf8')));
  const projectId = rc.projects[name];
  if (!projectId) {
    throw new AppError('bad_request', {
      message: `.firebaserc has no project alias "${name}"`,
      hint: `Add "${name}": "<project id>" under "projects" in .firebaserc.`,
    });
  }
  return {
    name,
    projectId,
    region: REGION,
    timeZone: 'Europe/Madrid',
    publicBaseUrl: `https://${projectId}.web.app`,
    runtimeServiceAccount: `konta-runtime@${projectId}.iam.gserviceaccount.com`,
    schedulerServiceAccount: `konta-scheduler@${projectId}.iam.gserviceaccount.com`,
    backupBucket: `${projectId}-backups`,
    minInstances: 0,
  };
}
