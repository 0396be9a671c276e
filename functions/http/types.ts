import type { Logger } from '../core/logger.ts';

/** The signed-in merchant, set by the admin auth middleware from the session, never the body. */
export interface Member {
  userId: string;
  shopId: string;
  role: 'owner' | 'staff';
}

/** Hono context variables every Kontá app sets before its routes run. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    /** Present on admin routes only. */
    member: Member;
  };
}
