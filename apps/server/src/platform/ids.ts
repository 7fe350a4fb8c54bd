import crypto from 'node:crypto';

/**
 * Public IDs are opaque: a type prefix and 128 random bits in base62 (`ctr_4Qx...`).
 * Sequential integers stay inside the database.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export type IdPrefix =
  | 'cus'
  | 'ctr'
  | 'veh'
  | 'usr'
  | 'ses'
  | 'dlr'
  | 'pay'
  | 'pm'
  | 'doc'
  | 'ach'
  | 'evt'
  | 'ntf'
  | 'dev'
  | 'pk'
  | 'sms'
  | 'ppr'
  | 'wo'
  | 'mnt'
  | 'odo'
  | 'insp'
  | 'req';

export function newId(prefix: IdPrefix): string {
  let n = BigInt(`0x${crypto.randomBytes(16).toString('hex')}`);
  let out = '';
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return `${prefix}_${out.padStart(22, '0')}`;
}

/** Luhn check digit, so a mistyped account number is caught before any lookup. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Human account numbers: 10 digits + a Luhn check digit. */
export function accountNumberFrom(base: number): string {
  const digits = String(base).padStart(10, '0');
  return `${digits}${luhnCheckDigit(digits)}`;
}

export function isValidAccountNumber(value: string): boolean {
  return /^\d{11}$/.test(value) && luhnCheckDigit(value.slice(0, 10)) === Number(value[10]);
}

export function maskAccountNumber(value: string): string {
  return `••••${value.slice(-4)}`;
}
