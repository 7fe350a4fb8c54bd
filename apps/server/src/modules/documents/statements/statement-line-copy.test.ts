import { describe, expect, it } from 'vitest';
import { lineDescription } from './statement-line-copy.ts';

describe('statement line descriptions', () => {
  it('words the ledger descriptions in Spanish, and leaves English and unknown ones as the books have them', () => {
    const cases: [string, string][] = [
      ['Opening balance brought forward', 'Saldo inicial'],
      ['Payment P482913305517', 'Pago P482913305517'],
      ['Principal-only payment P482913305517', 'Pago solo a capital P482913305517'],
      ['Scheduled payment P482913305517', 'Pago programado P482913305517'],
      ['Late fee, installment due 2026-12-01', 'Cargo por mora, cuota del 2026-12-01'],
      ['Returned payment fee (R01)', 'Cargo por pago devuelto (R01)'],
      ['Returned by the bank: R01 Insufficient funds', 'Devuelto por el banco (R01)'],
      ['Returned after settlement', 'Devuelto después de acreditado'],
      ['Refund of cancelled Tire & Wheel', 'Reembolso por cancelación: Tire & Wheel'],
      [
        'Payment P482913305517 (re-applied after a payment dated 2026-11-05)',
        'Pago P482913305517 (reaplicado tras un pago con fecha 2026-11-05)',
      ],
      ['Something the books say', 'Something the books say'],
    ];
    for (const [books, spanish] of cases) {
      expect(lineDescription(books, 'es')).toBe(spanish);
      expect(lineDescription(books, 'en')).toBe(books);
    }
  });
});
