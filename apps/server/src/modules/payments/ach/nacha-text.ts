import { isoDate, isValidAbaRouting } from '@marque/finance';
import { NachaInputError } from './nacha-types.ts';

/**
 * Text that goes into alphanumeric NACHA fields. Banks accept printable ASCII only (and many
 * print upper case only), so accented letters are transliterated (José Núñez → JOSE NUNEZ) and
 * anything still outside ASCII is rejected rather than silently turned into '?'.
 */

const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'SS',
  Æ: 'AE',
  æ: 'AE',
  Œ: 'OE',
  œ: 'OE',
  Ø: 'O',
  ø: 'O',
  Ł: 'L',
  ł: 'L',
  Đ: 'D',
  đ: 'D',
  Þ: 'TH',
  þ: 'TH',
  '\u2018': "'",
  '\u2019': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u00A0': ' ',
};

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/** Upper-cased printable ASCII, or a NachaInputError naming `field`. */
export function nachaText(value: string, field: string): string {
  if (typeof value !== 'string') throw new NachaInputError(field, 'required', `${field} is required`);
  const folded = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7E]/g, (ch) => SPECIAL[ch] ?? ch)
    .toUpperCase()
    .trim();
  if (!PRINTABLE_ASCII.test(folded)) {
    throw new NachaInputError(field, 'non_ascii', `${field} has characters the ACH network cannot carry`);
  }
  return folded;
}

/** A name: transliterated, upper-cased and cut to the field width (banks show the first letters). */
export function nachaName(value: string, field: string, width: number, required = true): string {
  const text = nachaText(value ?? '', field);
  if (required && text === '') throw new NachaInputError(field, 'required', `${field} is required`);
  return text.slice(0, width);
}

/** An identifier: never cut, because a cut id would match the wrong record on the way back. */
export function nachaId(value: string, field: string, width: number, pattern = /^[A-Z0-9 -]+$/): string {
  const text = nachaText(value ?? '', field);
  if (text === '') throw new NachaInputError(field, 'required', `${field} is required`);
  if (text.length > width) {
    throw new NachaInputError(field, 'too_long', `${field} must be at most ${width} characters`);
  }
  if (!pattern.test(text))
    throw new NachaInputError(field, 'invalid_format', `${field} has invalid characters`);
  return text;
}

export function requireRouting(value: string, field: string): string {
  if (!isValidAbaRouting(value)) {
    throw new NachaInputError(field, 'invalid_routing', `${field} is not a valid ABA routing number`);
  }
  return value;
}

export function requireDigits(value: string, width: number, field: string): string {
  if (typeof value !== 'string' || !new RegExp(`^\\d{${width}}$`).test(value)) {
    throw new NachaInputError(field, 'invalid_format', `${field} must be ${width} digits`);
  }
  return value;
}

/** A calendar date in 2000-2099 (NACHA carries two-digit years), checked with the finance package. */
export function requireIsoDate(value: string, field: string): string {
  let ok = false;
  try {
    ok = isoDate(value, field).startsWith('20');
  } catch {
    ok = false;
  }
  if (!ok)
    throw new NachaInputError(field, 'invalid_date', `${field} must be a date YYYY-MM-DD in 2000-2099`);
  return value;
}

/** 'HH:MM' or 'HHMM' → 'HHMM'. */
export function requireTime(value: string, field: string): string {
  const m = typeof value === 'string' ? /^([01]\d|2[0-3]):?([0-5]\d)$/.exec(value) : null;
  if (!m) throw new NachaInputError(field, 'invalid_time', `${field} must be a time HH:MM`);
  return `${m[1]}${m[2]}`;
}

/** Positive whole cents that fit `digits` digits. */
export function requireAmount(value: number, digits: number, field: string): number {
  if (!Number.isSafeInteger(value) || value <= 0 || value >= 10 ** digits) {
    throw new NachaInputError(
      field,
      'invalid_amount',
      `${field} must be whole cents between 1 and ${digits} digits`,
    );
  }
  return value;
}
