import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildReturnsFile,
  type NachaBatchInput,
  type NachaEntryInput,
  type NachaFileInput,
  NachaFormatError,
  nachaFingerprint,
  parseNachaFile,
  parseReturnsFile,
  returnCodeInfo,
  writeNachaFile,
} from './index.ts';
import { sampleFile } from './test-fixtures.ts';

const ROUTINGS = ['091000019', '021000021', '026009593', '011000015', '122105278', '111000025', '322271627'];
const upperText = (max: number) =>
  fc.stringMatching(new RegExp(`^[A-Z][A-Z0-9 ]{0,${max - 1}}$`)).map((s) => s.trimEnd());

const entryArb: fc.Arbitrary<NachaEntryInput> = fc.record({
  transactionCode: fc.constantFrom(27 as const, 37 as const),
  receivingDfiRouting: fc.constantFrom(...ROUTINGS),
  dfiAccountNumber: fc.stringMatching(/^[0-9][0-9-]{3,16}$/),
  amountCents: fc.integer({ min: 1, max: 9_999_999_999 }),
  individualId: fc.stringMatching(/^PAY[0-9A-Z]{1,12}$/),
  individualName: upperText(22),
});

const batchArb: fc.Arbitrary<NachaBatchInput> = fc
  .record({
    secCode: fc.constantFrom('PPD' as const, 'WEB' as const),
    companyName: upperText(16),
    companyId: fc.stringMatching(/^[0-9]{10}$/),
    entryDescription: upperText(10),
    effectiveEntryDate: fc.constantFrom('2026-01-02', '2026-02-27', '2027-12-31'),
    originatingDfi: fc.constantFrom('09100001', '02100002'),
    entries: fc.array(entryArb, { minLength: 1, maxLength: 12 }),
    paymentType: fc.constantFrom('S' as const, 'R' as const),
  })
  .map(({ paymentType, ...b }) => ({
    ...b,
    entries: b.entries.map((e) => (b.secCode === 'WEB' ? { ...e, paymentType } : e)),
  }));

const fileArb: fc.Arbitrary<NachaFileInput> = fc.record({
  immediateDestination: fc.constantFrom(...ROUTINGS),
  immediateDestinationName: upperText(23),
  immediateOrigin: fc.constantFrom('1234567890', '091000019'),
  immediateOriginName: upperText(23),
  fileCreationDate: fc.constantFrom('2026-03-02', '2030-07-15'),
  fileCreationTime: fc.constantFrom('00:00', '09:30', '23:59'),
  fileIdModifier: fc.constantFrom('A', 'Z', '7'),
  batches: fc.array(batchArb, { minLength: 1, maxLength: 4 }),
});

describe('NACHA write → parse round trip', () => {
  it('gives back every entry, and the control totals match the entries (property)', () => {
    fc.assert(
      fc.property(fileArb, (input) => {
        const written = writeNachaFile(input);
        const lines = written.content.split('\n');
        expect(lines.every((l) => l.length === 94)).toBe(true);
        expect(lines.length % 10).toBe(0);
        const parsed = parseNachaFile(written.content);
        expect(parsed.batches).toHaveLength(input.batches.length);
        parsed.batches.forEach((batch, i) => {
          const original = input.batches[i]!;
          expect(batch.secCode).toBe(original.secCode);
          expect(batch.serviceClassCode).toBe(225);
          expect(batch.effectiveEntryDate).toBe(original.effectiveEntryDate);
          expect(
            batch.entries.map((e) => ({
              transactionCode: e.transactionCode,
              receivingDfiRouting: e.receivingDfiRouting,
              dfiAccountNumber: e.dfiAccountNumber,
              amountCents: e.amountCents,
              individualId: e.individualId,
              individualName: e.individualName,
              ...(original.secCode === 'WEB' ? { paymentType: e.discretionaryData } : {}),
            })),
          ).toEqual(original.entries);
          expect(batch.totalDebitCents).toBe(original.entries.reduce((n, e) => n + e.amountCents, 0));
        });
        const all = input.batches.flatMap((b) => b.entries);
        expect(parsed.totalDebitCents).toBe(all.reduce((n, e) => n + e.amountCents, 0));
        expect(parsed.totalCreditCents).toBe(0);
        expect(parsed.entryAddendaCount).toBe(all.length);
        const hash =
          all.reduce((n, e) => n + BigInt(e.receivingDfiRouting.slice(0, 8)), 0n) % 10_000_000_000n;
        expect(parsed.entryHash).toBe(hash.toString().padStart(10, '0'));
        expect(parsed.blockCount).toBe(lines.length / 10);
        expect(parsed.batches.flatMap((b) => b.entries.map((e) => e.traceNumber))).toEqual(
          written.entries.map((e) => e.traceNumber),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a file whose totals were edited, and one cut short', () => {
    const content = writeNachaFile(sampleFile()).content;
    // Raise the first entry's amount by one cent without touching the batch control.
    const tampered = content.replace('0000041237PAY7K2M9Q4', '0000041238PAY7K2M9Q4');
    expect(() => parseNachaFile(tampered)).toThrow(/Line 5: total debit amount/);
    expect(() => parseNachaFile(content.split('\n').slice(0, 8).join('\n'))).toThrow(NachaFormatError);
    expect(() => parseNachaFile(content.replace('\n5225', '\n5225 '))).toThrow(/95 characters/);
  });
});

describe('returns files', () => {
  const original = writeNachaFile(sampleFile());
  const [nsf, closed, web] = original.entries.map((e) => e.traceNumber);
  const returnsText = buildReturnsFile({
    original: original.content,
    returns: [
      { traceNumber: web!, returnCode: 'R10' },
      { traceNumber: nsf!, returnCode: 'R01' },
      { traceNumber: closed!, returnCode: 'R15', dateOfDeath: '2026-02-20' },
    ],
    fileCreationDate: '2026-03-05',
    fileCreationTime: '06:30',
  });

  it('lays out the return entry and its addenda 99 at the NACHA positions', () => {
    const lines = returnsText.split('\n');
    const at = (line: string, start: number, end: number) => line.slice(start - 1, end);
    expect(at(lines[0]!, 4, 13)).toBe('1234567890'); // back to us: origin and destination swap
    expect(at(lines[0]!, 14, 23)).toBe(' 091000019');
    const entry = lines[2]!;
    const addenda = lines[3]!;
    expect(at(entry, 2, 3)).toBe('26'); // return of a checking debit
    expect(at(entry, 4, 12)).toBe('091000019'); // addressed to our ODFI, with its check digit
    expect(at(entry, 79, 79)).toBe('1'); // addenda record indicator
    expect(at(entry, 80, 94)).toBe('021000020000001'); // the returning bank's own trace
    expect(at(addenda, 1, 3)).toBe('799'); // record type 7, addenda type code 99
    expect(at(addenda, 4, 6)).toBe('R01'); // return reason code
    expect(at(addenda, 7, 21)).toBe(nsf); // original entry trace number
    expect(at(addenda, 22, 27)).toBe('      '); // date of death (blank unless R14/R15)
    expect(at(addenda, 28, 35)).toBe('02100002'); // original receiving DFI
    expect(at(addenda, 80, 94)).toBe(at(entry, 80, 94)); // trace number of the return entry
    const death = lines.find((l) => l.startsWith('799R15'))!;
    expect(at(death, 22, 27)).toBe('260220');
    expect(lines.every((l) => l.length === 94) && lines.length % 10 === 0).toBe(true);
  });

  it('parses back to the original entries with the reason and what to do about it', () => {
    const parsed = parseReturnsFile(returnsText);
    const byTrace = new Map(parsed.returns.map((r) => [r.originalTraceNumber, r]));
    expect(parsed.returns).toHaveLength(3);
    expect(byTrace.get(nsf!)).toMatchObject({
      returnCode: 'R01',
      description: 'Insufficient funds',
      amountCents: 41237,
      individualId: 'PAY7K2M9Q4',
      chargesNsfFee: true,
      suspendsAutopay: false,
      transactionCode: 26,
      originalReceivingDfi: '02100002',
      dateOfDeath: null,
      secCode: 'PPD',
    });
    expect(byTrace.get(closed!)).toMatchObject({
      returnCode: 'R15',
      transactionCode: 36,
      dateOfDeath: '2026-02-20',
    });
    expect(byTrace.get(web!)).toMatchObject({ returnCode: 'R10', suspendsAutopay: true, unauthorized: true });
    expect(parsed.notificationsOfChange).toEqual([]);
  });

  it('has the same fingerprint however the bank wraps the lines, and a new one when a record changes', () => {
    const a = parseReturnsFile(returnsText).fingerprint;
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    const crlfStripped = returnsText
      .split('\n')
      .filter((l) => l !== '9'.repeat(94))
      .map((l) => l.trimEnd())
      .join('\r\n');
    expect(parseReturnsFile(`${crlfStripped}\r\n`).fingerprint).toBe(a);
    expect(nachaFingerprint(returnsText.replace('799R01', '799R09'))).not.toBe(a);
  });

  it('flags autopay suspension and NSF fees per return code', () => {
    for (const code of ['R02', 'R03', 'R04', 'R10', 'R16', 'R29'])
      expect(returnCodeInfo(code).suspendsAutopay).toBe(true);
    for (const code of ['R01', 'R08', 'R09', 'R11']) expect(returnCodeInfo(code).suspendsAutopay).toBe(false);
    expect(['R01', 'R09'].every((c) => returnCodeInfo(c).chargesNsfFee)).toBe(true);
    expect(['R02', 'R08', 'R20'].some((c) => returnCodeInfo(c).chargesNsfFee)).toBe(false);
    for (const code of ['R01', 'R02', 'R03', 'R04', 'R08', 'R10', 'R16', 'R20', 'R29']) {
      expect(returnCodeInfo(code).description).not.toMatch(/Unrecognised/);
    }
    expect(returnCodeInfo('R99')).toMatchObject({ suspendsAutopay: false, chargesNsfFee: false });
  });

  it('refuses to return an entry that is not in the file, or an invalid code', () => {
    const base = { original: original.content, fileCreationDate: '2026-03-05', fileCreationTime: '0630' };
    expect(() =>
      buildReturnsFile({ ...base, returns: [{ traceNumber: '091000019999999', returnCode: 'R01' }] }),
    ).toThrow(/no entry with trace/);
    expect(() => buildReturnsFile({ ...base, returns: [{ traceNumber: nsf!, returnCode: 'X01' }] })).toThrow(
      /R and two/,
    );
  });

  it('reads notifications of change (addenda 98) apart from returns', () => {
    const lines = returnsText.split('\n');
    // Turn the first return into a C01 (incorrect account number) notification.
    lines[3] = `798C01${nsf}      02100002${'99887766'.padEnd(29)}${' '.repeat(15)}${lines[3]!.slice(79)}`;
    const parsed = parseReturnsFile(lines.join('\n'));
    expect(parsed.returns).toHaveLength(2);
    expect(parsed.notificationsOfChange).toEqual([
      { changeCode: 'C01', originalTraceNumber: nsf, correctedData: '99887766', individualId: 'PAY7K2M9Q4' },
    ]);
  });
});
