import { type Cents, cents, formatMoney, type IsoDate, isoDate } from '@marque/finance';

/**
 * Display formatting for documents. Amounts go through `formatMoney` from @marque/finance (exact
 * decimal strings from integer cents, never a float), dates through its validating `isoDate`.
 * Month names are spelled out here rather than taken from Intl so a document renders the same
 * bytes on every machine, whatever ICU data the runtime carries.
 */

export type DocumentLanguage = 'en' | 'es';

const MONTHS: Record<DocumentLanguage, readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
};

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Integer cents as US dollars: 1843217 → "$18,432.17", -500 → "-$5.00" (en and es-US alike). */
export function formatUsd(amount: Cents | number): string {
  const plain = formatMoney(cents(amount));
  const negative = plain.startsWith('-');
  const [whole, frac] = (negative ? plain.slice(1) : plain).split('.');
  return `${negative ? '-' : ''}$${groupThousands(whole ?? '0')}.${frac ?? '00'}`;
}

/** A decimal dollar string with any number of decimals, e.g. a per diem "2.7397" → "$2.7397". */
export function formatUsdDecimal(amount: string): string {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!m) throw new Error(`not a decimal amount: ${amount}`);
  return `${m[1] ?? ''}$${groupThousands(m[2] ?? '0')}${m[3] === undefined ? '' : `.${m[3]}`}`;
}

/** "March 31, 2026" / "31 de marzo de 2026". */
export function formatDate(date: IsoDate, language: DocumentLanguage): string {
  const [y, m, d] = isoDate(date).split('-').map(Number) as [number, number, number];
  const month = MONTHS[language][m - 1] as string;
  return language === 'es' ? `${d} de ${month} de ${y}` : `${month} ${d}, ${y}`;
}

/** An instant in UTC, to the second: "March 2, 2026, 14:05:33 UTC". Records need no time zone guesswork. */
export function formatInstant(instant: string, language: DocumentLanguage): string {
  const iso = toDate(instant).toISOString();
  return `${formatDate(iso.slice(0, 10), language)}, ${iso.slice(11, 19)} UTC`;
}

/** Parses an ISO 8601 instant; documents take their timestamps from input, never from a clock. */
export function toDate(instant: string): Date {
  const date = new Date(instant);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(instant) || Number.isNaN(date.getTime())) {
    throw new Error(`not an ISO 8601 instant: ${instant}`);
  }
  return date;
}

/** The last four of an account number behind bullets: "••••6789". */
export function maskAccount(last4: string): string {
  return `••••${last4.slice(-4)}`;
}
