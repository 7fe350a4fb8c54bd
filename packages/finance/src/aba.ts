/**
 * ABA routing transit number check: 9 digits, a valid Federal Reserve prefix, and the
 * 3-7-1 weighted checksum ≡ 0 (mod 10). Catches typos before an ACH file is built.
 */
export function isValidAbaRouting(s: string): boolean {
  if (typeof s !== 'string' || !/^\d{9}$/.test(s)) return false;
  if (s === '000000000') return false;
  // Prefixes: 00 US government, 01-12 Federal Reserve districts, 21-32 thrifts,
  // 61-72 electronic, 80 traveler's cheques.
  const prefix = Number(s.slice(0, 2));
  const prefixOk =
    prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  if (!prefixOk) return false;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  let sum = 0;
  for (let k = 0; k < 9; k++) sum += (s.charCodeAt(k) - 48) * (weights[k] as number);
  return sum % 10 === 0;
}
