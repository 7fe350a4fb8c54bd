/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so no time zone shifts a day. */
export function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const time = Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days);
  return new Date(time).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && addDaysIso(value, 0) === value;
}

/** Inclusive range check; ISO dates compare correctly as strings. */
export function isWithin(value: string, min: string, max: string): boolean {
  return isIsoDate(value) && value >= min && value <= max;
}
