import type { LoggerOptions } from 'pino';

/**
 * Secrets and PII never reach a log line. Redaction covers the field names we use for them
 * anywhere in a logged object; values are replaced, not removed, so a reader sees that
 * something was there.
 */
const SENSITIVE_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'ssn',
  'ssnLast4',
  'dob',
  'dateOfBirth',
  'accountNumber',
  'routingNumber',
  'cardNumber',
  'pan',
  'cvv',
  'token',
  'secret',
  'totpSecret',
  'code',
  'recoveryCode',
  'authorization',
  'cookie',
  'set-cookie',
];

export const REDACT_PATHS = [
  ...SENSITIVE_KEYS,
  ...SENSITIVE_KEYS.map((k) => `*.${k}`),
  ...SENSITIVE_KEYS.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
];

/** Control characters in logged strings are escaped so a value cannot forge a log line. */
function escapeControl(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  const control = /[\u0000-\u001f\u007f]/g;
  return value.replace(control, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Database errors carry the failed statement's parameters in their message (Drizzle adds
 * "params: ..."), which can be personal data. Log the SQL and the driver's reason only.
 */
export function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const cause = err.cause instanceof Error ? err.cause : undefined;
  const isQueryError = 'query' in err && 'params' in err;
  return {
    type: err.name,
    message: isQueryError ? 'Failed query' : stripParams(err.message),
    ...(isQueryError ? { query: String((err as { query: unknown }).query).slice(0, 500) } : {}),
    ...(cause
      ? {
          cause: {
            type: cause.name,
            message: stripParams(cause.message),
            code: (cause as { code?: string }).code,
          },
        }
      : {}),
    stack: stripParams(err.stack ?? ''),
  };
}

function stripParams(text: string): string {
  return text.replace(/\nparams: [^\n]*/g, '\nparams: [redacted]');
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    formatters: {
      log(object) {
        for (const [k, v] of Object.entries(object)) {
          if (typeof v === 'string') (object as Record<string, unknown>)[k] = escapeControl(v);
        }
        return object;
      },
    },
    serializers: {
      err: serializeError,
      // Never log query strings: they may carry IDs and filters; the route pattern is enough.
      req(req: { method: string; url: string; routeOptions?: { url?: string }; ip?: string }) {
        return { method: req.method, url: req.url.split('?')[0], route: req.routeOptions?.url, ip: req.ip };
      },
    },
  };
}
