import type { Logger } from '../core/logger.ts';

/** Hono context variables every Kontá app sets before its routes run. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
  };
}
