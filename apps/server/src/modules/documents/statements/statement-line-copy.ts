import type { DocumentLanguage } from '../pdf/format.ts';

type Wording = [pattern: RegExp, word: (...parts: string[]) => string];

/**
 * The ledger keeps its descriptions in English: they are the books, the same for staff and
 * every statement. A Spanish statement words the ones the ledger writes (ledger, payments and
 * protection modules); anything else stays as the books have it.
 */
const SPANISH: readonly Wording[] = [
  [/^Opening balance brought forward$/, () => 'Saldo inicial'],
  [/^Payment (\S+)$/, (n) => `Pago ${n}`],
  [/^Principal-only payment (\S+)$/, (n) => `Pago solo a capital ${n}`],
  [/^Scheduled payment (\S+)$/, (n) => `Pago programado ${n}`],
  [/^Late fee, installment due (\S+)$/, (d) => `Cargo por mora, cuota del ${d}`],
  [/^Returned payment fee \((\w+)\)$/, (c) => `Cargo por pago devuelto (${c})`],
  [/^Returned by the bank: (\w+)\b.*$/, (c) => `Devuelto por el banco (${c})`],
  [/^Returned by the bank \((\w+)\)$/, (c) => `Devuelto por el banco (${c})`],
  [/^Returned after settlement$/, () => 'Devuelto después de acreditado'],
  [/^Refund of cancelled (.+)$/, (p) => `Reembolso por cancelación: ${p}`],
  [
    /^Interest on restored principal (\S+) to (\S+)$/,
    (a, b) => `Intereses sobre capital restituido, del ${a} al ${b}`,
  ],
];

/** What a replayed payment's entry adds to its description (ledger/replay-payments.ts). */
const REAPPLIED = /^(.*) \(re-applied after a payment dated (\S+)\)$/;

/** A statement line's description in the statement's language. */
export function lineDescription(description: string, language: DocumentLanguage): string {
  if (language === 'en') return description;
  const reapplied = REAPPLIED.exec(description);
  if (reapplied) {
    const [, original = '', date = ''] = reapplied;
    return `${lineDescription(original, language)} (reaplicado tras un pago con fecha ${date})`;
  }
  for (const [pattern, word] of SPANISH) {
    const match = pattern.exec(description);
    if (match) return word(...match.slice(1));
  }
  return description;
}
