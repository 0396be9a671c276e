import { pino } from 'pino';
import { currentLogContext } from './log-context.ts';

export interface Logger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
  child(fields: object): Logger;
}

const SEVERITY: Record<string, string> = {
  trace: 'DEBUG',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  error: 'ERROR',
  fatal: 'CRITICAL',
};

/**
 * JSON lines in Cloud Logging's structured format: `severity`, `message`, `time`, fields.
 * Fields named like personal data or secrets are censored wherever they appear.
 */
export function createLogger(
  options: { level?: string; destination?: { write(line: string): void } } = {},
): Logger {
  const stream = options.destination ?? pino.destination({ fd: 1, sync: true });
  return pino(
    {
      level: options.level ?? 'info',
      messageKey: 'message',
      base: undefined,
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ severity: SEVERITY[label] ?? 'DEFAULT' }) },
      // Lines written during a request get its id even through `deps.log`; a child logger
      // that already carries it (the request's own) is left alone, so no key repeats.
      mixin(_fields, _level, logger) {
        const context = currentLogContext();
        if (!context || 'requestId' in logger.bindings()) return {};
        return context;
      },
      redact: {
        paths: [
          'email',
          '*.email',
          'to',
          '*.to',
          'token',
          '*.token',
          'password',
          '*.password',
          'secret',
          '*.secret',
          'authorization',
          '*.authorization',
          'cookie',
          '*.cookie',
        ],
        censor: '[redacted]',
      },
    },
    stream as pino.DestinationStream,
  ) as unknown as Logger;
}

/** A logger that keeps lines in memory, for tests. */
export function createMemoryLogger(level = 'debug'): { log: Logger; lines: () => object[] } {
  const lines: string[] = [];
  const log = createLogger({ level, destination: { write: (line) => lines.push(line) } });
  return { log, lines: () => lines.map((l) => JSON.parse(l) as object) };
}
