import crypto from 'node:crypto';
import type { AuditEvent, AuditOutcome } from '../../platform/ports.ts';

/** The `prev_hash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditDetails = Record<string, string | number | boolean | null>;

/** An event as stored: every field the hash covers. */
export interface ChainedFields {
  occurredAt: Date;
  action: string;
  outcome: AuditOutcome;
  actorUserId: number | null;
  subjectUserId: number | null;
  subjectCustomerId: number | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: AuditDetails;
}

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+){0,5}$/;
const OUTCOMES: readonly AuditOutcome[] = ['success', 'failure', 'denied'];
const MAX_DETAIL_KEYS = 40;
const MAX_DETAIL_STRING = 1000;

/**
 * Detail keys that name a secret or personal identifier are dropped before anything is
 * stored: a key is split into words (camelCase, snake_case, kebab-case) and refused when any
 * word is one of these. So `password`, `newPassword`, `totp_code`, `resetToken`, `ssnLast4`
 * and also `errorCode` are dropped; name such facts `reason` instead.
 */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'code',
  'otp',
  'totp',
  'pin',
  'token',
  'secret',
  'ssn',
  'dob',
  'cvv',
  'pan',
  'cookie',
  'authorization',
]);
const SECRET_COMPACT = /password|passphrase|secret|token|ssn|accountnumber|routingnumber|cardnumber|birth/;

export function isSecretKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.some((w) => SECRET_WORDS.has(w) || /^ssn\d*$/.test(w))) return true;
  return SECRET_COMPACT.test(key.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/**
 * Values are stored as given (control characters are data, escaped only when logged), except
 * what PostgreSQL cannot store or would change: NUL and unpaired UTF-16 surrogates become
 * U+FFFD, so the stored text hashes the same when read back.
 */
export function storable(value: string, max: number): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL cannot be stored in PostgreSQL text
      .replace(/\u0000/g, '\uFFFD')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .slice(0, max)
      // slicing may cut a surrogate pair in half
      .replace(/[\uD800-\uDBFF]$/, '\uFFFD')
  );
}

function optionalText(value: string | null | undefined, max: number): string | null {
  return value === null || value === undefined ? null : storable(value, max);
}

function optionalId(value: number | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isSafeInteger(value)) throw new Error(`audit: ${field} must be an integer id`);
  return value;
}

function cleanDetails(details: AuditEvent['details']): AuditDetails {
  const out: AuditDetails = {};
  const dropped: string[] = [];
  const keys = Object.keys(details ?? {})
    .filter((k) => Object.hasOwn(details ?? {}, k))
    .sort();
  for (const key of keys) {
    const value = details?.[key];
    if (value === undefined) continue;
    if (isSecretKey(key)) {
      dropped.push(storable(key, 64));
      continue;
    }
    if (Object.keys(out).length >= MAX_DETAIL_KEYS) break;
    const k = storable(key, 64);
    if (typeof value === 'string') out[k] = storable(value, MAX_DETAIL_STRING);
    else if (typeof value === 'number') out[k] = Number.isFinite(value) ? value : null;
    else if (typeof value === 'boolean' || value === null) out[k] = value;
  }
  if (dropped.length > 0) out.redactedKeys = dropped.join(',');
  return out;
}

/** Validate and normalise an event into exactly what will be stored (and hashed). */
export function normaliseEvent(event: AuditEvent, occurredAt: Date): ChainedFields {
  if (!ACTION.test(event.action) || event.action.length > 100) {
    throw new Error(`audit: action "${event.action.slice(0, 100)}" is not a dotted lower-case name`);
  }
  if (!OUTCOMES.includes(event.outcome)) throw new Error('audit: unknown outcome');
  return {
    occurredAt: new Date(occurredAt.getTime()),
    action: event.action,
    outcome: event.outcome,
    actorUserId: optionalId(event.actorUserId, 'actorUserId'),
    subjectUserId: optionalId(event.subjectUserId, 'subjectUserId'),
    subjectCustomerId: optionalId(event.subjectCustomerId, 'subjectCustomerId'),
    ip: optionalText(event.ip, 64),
    userAgent: optionalText(event.userAgent, 400),
    requestId: optionalText(event.requestId, 100),
    details: cleanDetails(event.details),
  };
}

function sortedDetails(details: AuditDetails): [string, AuditDetails[string]][] {
  return Object.keys(details)
    .sort()
    .map((k) => [k, details[k] ?? null]);
}

/**
 * The canonical serialisation the hash covers: a JSON array in a fixed field order, details
 * as sorted [key, value] pairs, the instant as ISO 8601 UTC with milliseconds, and the
 * previous event's hash. "v1" names this layout, so a future layout can coexist.
 */
export function canonicalForm(fields: ChainedFields, prevHash: string): string {
  return JSON.stringify([
    'v1',
    fields.occurredAt.toISOString(),
    fields.action,
    fields.outcome,
    fields.actorUserId,
    fields.subjectUserId,
    fields.subjectCustomerId,
    fields.ip,
    fields.userAgent,
    fields.requestId,
    sortedDetails(fields.details),
    prevHash,
  ]);
}

export function chainHash(fields: ChainedFields, prevHash: string): string {
  return crypto.createHash('sha256').update(canonicalForm(fields, prevHash), 'utf8').digest('hex');
}
