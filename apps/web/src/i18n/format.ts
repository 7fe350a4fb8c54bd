import type { Money } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { isLanguage, LOCALES } from './index.ts';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** Money for display only: integer minor units / 100, formatted by Intl. Never used for arithmetic. */
export function formatMoney(money: Money, locale: string): string {
  return numberFormat(locale, { style: 'currency', currency: money.currency }).format(money.amount / 100);
}

export type DateStyle = 'medium' | 'long';

/** A calendar date `YYYY-MM-DD`, formatted in UTC so no timezone can shift it by a day. */
export function formatIsoDate(iso: string, locale: string, style: DateStyle = 'medium'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dateFormat(locale, { timeZone: 'UTC', dateStyle: style }).format(utc);
}

/** An instant (ISO 8601 timestamp) as a date and time in the browser's time zone. */
export function formatDateTime(iso: string, locale: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

export function formatInteger(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/**
 * A decimal string from the API (an APR "5.99", a money factor "0.00125"), localized without going
 * through floating point: Intl formats numeric strings exactly, and we keep the digits the API sent.
 */
export function formatDecimalString(value: string, locale: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  const digits = value.split('.')[1]?.length ?? 0;
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value as Intl.StringNumericLiteral,
  );
}

/** Formatting helpers bound to the active language; components re-render when it changes. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const locale = LOCALES[language];
  return {
    language,
    locale,
    money: (money: Money) => formatMoney(money, locale),
    date: (iso: string, style?: DateStyle) => formatIsoDate(iso, locale, style),
    dateTime: (iso: string) => formatDateTime(iso, locale),
    integer: (value: number) => formatInteger(value, locale),
    decimal: (value: string) => formatDecimalString(value, locale),
  };
}
