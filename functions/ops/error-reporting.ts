import type { Logger } from '../core/logger.ts';

export const REPORTED_ERROR_EVENT =
  'type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent';

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[A-Za-z]{2,}/g;

export interface ErrorContext {
  readonly httpRequest?: { method: string; url: string };
}

/**
 * Log fields that make Cloud Logging hand an entry to Error Reporting: the ReportedErrorEvent
 * `@type`, the stack in `stack_trace` (Error Reporting groups by it), and the service and
 * revision Cloud Run sets in `K_SERVICE` / `K_REVISION`. A stack starts with the error's
 * message, which may quote user input, so email addresses in it are masked.
 */
export function errorReportFields(
  error: unknown,
  context: ErrorContext = {},
  env: Record<string, string | undefined> = process.env,
): Record<string, unknown> {
  const err = error instanceof Error ? error : new Error(`Non-error thrown: ${typeof error}`);
  return {
    '@type': REPORTED_ERROR_EVENT,
    stack_trace: (err.stack ?? `${err.name}: (no stack)`).replace(EMAIL, '[email]'),
    serviceContext: {
      service: env.K_SERVICE ?? 'konta-local',
      version: env.K_REVISION ?? 'local',
    },
    ...(context.httpRequest ? { context: { httpRequest: context.httpRequest } } : {}),
  };
}

/**
 * Reports errors nothing else caught. An uncaught exception leaves the process in an unknown
 * state, so after reporting it the process exits and Cloud Run replaces the instance; a
 * rejected promise nobody awaited is reported and the instance keeps serving.
 */
export function installProcessErrorReporting(
  log: Logger,
  exit: (code: number) => void = (code) => process.exit(code),
): () => void {
  const onException = (error: unknown) => {
    log.error(errorReportFields(error), 'uncaught exception');
    exit(1);
  };
  const onRejection = (reason: unknown) => {
    log.error(errorReportFields(reason), 'unhandled rejection');
  };
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
