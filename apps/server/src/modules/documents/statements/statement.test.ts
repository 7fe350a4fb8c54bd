import { describe, expect, it } from 'vitest';
import { pdfText } from '../pdf/inspect-pdf.ts';
import { renderStatement } from './render-statement.ts';
import { statementData } from './statement-data.ts';
import { sampleStatement, sampleStatementInput, tx } from './statement-fixtures.ts';

describe('statement data', () => {
  it('shows a run of daily interest accruals as one line, split where a payment or fee falls between', async () => {
    const daily = (day: string, to: string) =>
      tx(`jrn_${day}`, 'interest', to, `Interest ${day} to ${to}`, 197, 0);
    const transactions = [
      daily('2026-02-20', '2026-02-21'),
      daily('2026-02-21', '2026-02-22'),
      daily('2026-02-22', '2026-02-23'),
      tx('jrn_fee', 'fee', '2026-02-24', 'Late charge', 2_500, 0),
      daily('2026-02-23', '2026-02-24'),
      daily('2026-02-24', '2026-02-25'),
    ];
    const d = statementData({ ...sampleStatementInput(), transactions });
    expect(d.lines.map((l) => [l.date, l.amountCents, l.interest ?? null])).toEqual([
      ['2026-02-23', 591, { from: '2026-02-20', to: '2026-02-23' }],
      ['2026-02-24', 2_500, null],
      ['2026-02-25', 394, { from: '2026-02-23', to: '2026-02-25' }],
    ]);
    expect(d.summary.interestCharged).toBe(985);
    const text = pdfText(await renderStatement({ ...sampleStatement(), data: d }));
    expect(text).toContain('Interest, February 20 to February 23');
    const es = pdfText(await renderStatement({ ...sampleStatement('es'), data: d }));
    expect(es).toMatch(/Intereses, del 20 de\s+febrero al 23 de\s+febrero/);
  });

  it('sums the period to the cent and splits the payment', () => {
    const d = statementData(sampleStatementInput());
    expect(d.summary).toEqual({
      previousBalance: 1_870_111,
      payments: -58_412,
      interestCharged: 10_205,
      feesCharged: 2_500,
      otherActivity: 0,
      newBalance: 1_824_404,
    });
    expect(d.paymentTotals).toEqual({ principal: 48_207, interest: 10_205, fees: 0 });
    expect(d.lines.map((l) => l.date)).toEqual(['2026-02-24', '2026-03-09', '2026-03-09']);
    expect(d.amountDue).toEqual({ current: 58_412, pastDue: 0, fees: 2_500, credit: 0, total: 60_912 });
    // 18,219.04 × 6.86% / 365 = 3.42418…
    expect(d.perDiem).toBe('3.4242');
    expect(d.interestPaidYtd).toBe(30_866);
    expect(d.lease).toBeNull();
    expect(d.messages).toEqual(['autopay', 'late_charge']);
  });

  it('adds past due and fees, takes off a credit, and never bills more than is owed', () => {
    const late = statementData(
      sampleStatementInput({
        pastDueCents: 58_412,
        daysPastDue: 11,
        feesCents: 2_500,
        unappliedCents: 1_000,
      }),
    );
    expect(late.amountDue).toEqual({
      current: 58_412,
      pastDue: 58_412,
      fees: 2_500,
      credit: 1_000,
      total: 118_324,
    });
    expect(late.messages[0]).toBe('past_due');
    const last = sampleStatementInput({ maturityDate: '2026-04-09' });
    last.openingBalanceCents = 30_000;
    last.transactions = [];
    const final = statementData(last);
    expect(final.summary.newBalance).toBe(30_000);
    expect(final.amountDue.current).toBe(30_000);
    expect(final.messages).toContain('final_payment');
  });

  it('reminds a lessee of the mileage allowance to date', () => {
    const d = statementData(
      sampleStatementInput({
        type: 'lease',
        apr: null,
        mileageAllowancePerYear: 12_000,
        excessMileageRateCents: 25,
        contractDate: '2025-03-20',
      }),
    );
    expect(d.lease).toEqual({ allowancePerYear: 12_000, milesAllowedToDate: 12_000, excessRateCents: 25 });
    expect(d.perDiem).toBeNull();
  });
});

describe('statement PDF', () => {
  it('prints the amount due, the split and the account number, in English and Spanish', async () => {
    const en = pdfText(await renderStatement(sampleStatement('en')));
    expect(en).toContain('Monthly statement');
    expect(en).toContain('4417-2093-88');
    expect(en).toContain('$609.12');
    expect(en).toContain('Due by April 9, 2026');
    expect(en).toContain('$482.07');
    expect(en).toContain('$18,244.04');
    expect(en).toContain('$308.66');
    expect(en).toContain('$3.4242');
    const es = pdfText(await renderStatement(sampleStatement('es')));
    expect(es).toContain('Estado de cuenta mensual');
    expect(es).toContain('Vence el 9 de abril de 2026');
  });

  it('renders the same bytes for the same input', async () => {
    const a = await renderStatement(sampleStatement());
    const b = await renderStatement(sampleStatement());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
