import { describe, expect, it } from 'vitest';
import { NachaInputError, writeNachaFile } from './index.ts';
import type { NachaFileInput } from './nacha-types.ts';
import { sampleFile } from './test-fixtures.ts';

/** Characters `start`..`end` of a record, 1-based and inclusive as the NACHA spec numbers them. */
const at = (line: string, start: number, end: number) => line.slice(start - 1, end);

const lines = () => writeNachaFile(sampleFile()).content.split('\n');

// The whole sample file, checked by hand against the field positions asserted below.
const GOLDEN = [
  '101 09100001912345678902603021405A094101SUNRISE NATIONAL BANK  SOLENNE MOTOR FINANCE          ',
  '5225SOLENNE MOTOR FI                    1234567890PPDAUTOPAY         260303   1091000010000001',
  '627021000021123456789        0000041237PAY7K2M9Q4     JOSE NUNEZ              0091000010000001',
  '63702600959398765-4321       0000029900PAY3HX8W2R     MAYA THOMPSON           0091000010000002',
  '822500000200047009610000000711370000000000001234567890                         091000010000001',
  '5225SOLENNE MOTOR FI                    1234567890WEBLOAN PMT        260303   1091000010000002',
  '6270110000155550001234       0000100000PAY9TT4C7N     DANA OKAFOR-WHITFIELD S 0091000010000003',
  '822500000100011000010000001000000000000000001234567890                         091000010000002',
  '9000002000001000000030005800962000000171137000000000000                                       ',
  '9'.repeat(94),
].join('\n');

function withEntry(patch: Partial<NachaFileInput['batches'][number]['entries'][number]>): NachaFileInput {
  const file = sampleFile();
  const batch = file.batches[0]!;
  return { ...file, batches: [{ ...batch, entries: [{ ...batch.entries[0]!, ...patch }] }] };
}

function errorOf(input: NachaFileInput): NachaInputError {
  try {
    writeNachaFile(input);
  } catch (e) {
    if (e instanceof NachaInputError) return e;
    throw e;
  }
  throw new Error('expected a NachaInputError');
}

describe('writeNachaFile: record layouts (NACHA Operating Rules, Appendix Three)', () => {
  it('writes the golden sample file byte for byte', () => {
    expect(writeNachaFile(sampleFile()).content).toBe(GOLDEN);
  });

  it('file header record (type 1): every field at its position', () => {
    const h = lines()[0]!;
    expect(at(h, 1, 1)).toBe('1'); // record type code
    expect(at(h, 2, 3)).toBe('01'); // priority code
    expect(at(h, 4, 13)).toBe(' 091000019'); // immediate destination: blank + routing
    expect(at(h, 14, 23)).toBe('1234567890'); // immediate origin
    expect(at(h, 24, 29)).toBe('260302'); // file creation date YYMMDD
    expect(at(h, 30, 33)).toBe('1405'); // file creation time HHMM
    expect(at(h, 34, 34)).toBe('A'); // file id modifier
    expect(at(h, 35, 37)).toBe('094'); // record size
    expect(at(h, 38, 39)).toBe('10'); // blocking factor
    expect(at(h, 40, 40)).toBe('1'); // format code
    expect(at(h, 41, 63)).toBe('SUNRISE NATIONAL BANK  '); // immediate destination name (23)
    expect(at(h, 64, 86)).toBe('SOLENNE MOTOR FINANCE  '); // immediate origin name (23)
    expect(at(h, 87, 94)).toBe('        '); // reference code
  });

  it('company/batch header record (type 5): PPD, debits only', () => {
    const b = lines()[1]!;
    expect(at(b, 1, 1)).toBe('5');
    expect(at(b, 2, 4)).toBe('225'); // service class: debits only
    expect(at(b, 5, 20)).toBe('SOLENNE MOTOR FI'); // company name, cut to 16
    expect(at(b, 21, 40)).toBe(' '.repeat(20)); // company discretionary data
    expect(at(b, 41, 50)).toBe('1234567890'); // company identification
    expect(at(b, 51, 53)).toBe('PPD'); // standard entry class code
    expect(at(b, 54, 63)).toBe('AUTOPAY   '); // company entry description
    expect(at(b, 64, 69)).toBe('      '); // company descriptive date
    expect(at(b, 70, 75)).toBe('260303'); // effective entry date
    expect(at(b, 76, 78)).toBe('   '); // settlement date: left for the ACH operator
    expect(at(b, 79, 79)).toBe('1'); // originator status code
    expect(at(b, 80, 87)).toBe('09100001'); // originating DFI identification
    expect(at(b, 88, 94)).toBe('0000001'); // batch number
    expect(at(lines()[5]!, 51, 53)).toBe('WEB');
    expect(at(lines()[5]!, 88, 94)).toBe('0000002');
  });

  it('entry detail record (type 6): PPD checking and savings debits', () => {
    const e = lines()[2]!;
    expect(at(e, 1, 1)).toBe('6');
    expect(at(e, 2, 3)).toBe('27'); // transaction code: checking debit
    expect(at(e, 4, 11)).toBe('02100002'); // receiving DFI identification
    expect(at(e, 12, 12)).toBe('1'); // check digit
    expect(at(e, 13, 29)).toBe('123456789        '); // DFI account number, left-justified (17)
    expect(at(e, 30, 39)).toBe('0000041237'); // amount in cents, zero-filled (10)
    expect(at(e, 40, 54)).toBe('PAY7K2M9Q4     '); // individual identification number (15)
    expect(at(e, 55, 76)).toBe('JOSE NUNEZ            '); // individual name, transliterated (22)
    expect(at(e, 77, 78)).toBe('  '); // discretionary data: unused for PPD
    expect(at(e, 79, 79)).toBe('0'); // addenda record indicator
    expect(at(e, 80, 94)).toBe('091000010000001'); // trace number: ODFI + sequence
    expect(at(lines()[3]!, 2, 3)).toBe('37'); // savings debit
  });

  it('entry detail record (type 6): WEB payment type code in 77-78, long name cut to 22', () => {
    const e = lines()[6]!;
    expect(at(e, 55, 76)).toBe('DANA OKAFOR-WHITFIELD ');
    expect(at(e, 77, 78)).toBe('S ');
    expect(at(e, 80, 94)).toBe('091000010000003');
  });

  it('batch control record (type 8): count, entry hash, totals', () => {
    const c = lines()[4]!;
    expect(at(c, 1, 1)).toBe('8');
    expect(at(c, 2, 4)).toBe('225');
    expect(at(c, 5, 10)).toBe('000002'); // entry/addenda count
    // Entry hash: 02100002 + 02600959 = 4700961, right-justified in 10.
    expect(at(c, 11, 20)).toBe('0004700961');
    expect(at(c, 21, 32)).toBe('000000071137'); // total debits: 412.37 + 299.00
    expect(at(c, 33, 44)).toBe('000000000000'); // total credits
    expect(at(c, 45, 54)).toBe('1234567890'); // company identification
    expect(at(c, 55, 73)).toBe(' '.repeat(19)); // message authentication code
    expect(at(c, 74, 79)).toBe(' '.repeat(6)); // reserved
    expect(at(c, 80, 87)).toBe('09100001');
    expect(at(c, 88, 94)).toBe('0000001');
  });

  it('file control record (type 9): batches, blocks, entries, hash and totals', () => {
    const f = lines()[8]!;
    expect(at(f, 1, 1)).toBe('9');
    expect(at(f, 2, 7)).toBe('000002'); // batch count
    expect(at(f, 8, 13)).toBe('000001'); // block count
    expect(at(f, 14, 21)).toBe('00000003'); // entry/addenda count
    expect(at(f, 22, 31)).toBe('0005800962'); // entry hash: 4700961 + 1100001
    expect(at(f, 32, 43)).toBe('000000171137'); // total debits
    expect(at(f, 44, 55)).toBe('000000000000'); // total credits
    expect(at(f, 56, 94)).toBe(' '.repeat(39)); // reserved
  });

  it('every record is 94 characters, lines are joined by \\n and blocks are filled with 9s', () => {
    const all = lines();
    expect(all.every((l) => l.length === 94)).toBe(true);
    expect(all.length % 10).toBe(0);
    expect(all.at(-1)).toBe('9'.repeat(94));
    expect(writeNachaFile(sampleFile()).content).not.toMatch(/\r|\n$/);
  });

  it('pads a 23-record file to 30 and counts 3 blocks', () => {
    const file = sampleFile();
    const batch = file.batches[0]!;
    const entries = Array.from({ length: 18 }, (_, i) => ({ ...batch.entries[0]!, individualId: `PAY${i}` }));
    const result = writeNachaFile({ ...file, batches: [{ ...batch, entries }] });
    const all = result.content.split('\n');
    expect(all).toHaveLength(30); // 1 + 1 + 18 + 1 + 1 = 22 records, then 8 filler
    expect(all.slice(22).every((l) => l === '9'.repeat(94))).toBe(true);
    expect(result.blockCount).toBe(3);
    expect(at(all[21]!, 8, 13)).toBe('000003');
  });

  it('keeps only the last 10 digits of an entry hash that overflows', () => {
    const file = sampleFile();
    const batch = file.batches[0]!;
    // 400 entries to DFI 32227162 sum to 12,890,864,800: 11 digits, so the leading 1 is dropped.
    const entries = Array.from({ length: 400 }, (_, i) => ({
      ...batch.entries[0]!,
      receivingDfiRouting: '322271627',
      individualId: `P${i}`,
    }));
    const result = writeNachaFile({ ...file, batches: [{ ...batch, entries }] });
    expect(32227162 * 400).toBe(12_890_864_800);
    expect(result.entryHash).toBe('2890864800');
    expect(at(result.content.split('\n')[402]!, 11, 20)).toBe('2890864800');
  });

  it('returns the trace numbers it assigned, or the ones it was given', () => {
    const result = writeNachaFile({ ...sampleFile(), firstTraceSequence: 500 });
    expect(result.entries.map((e) => e.traceNumber)).toEqual([
      '091000010000500',
      '091000010000501',
      '091000010000502',
    ]);
    const given = writeNachaFile(withEntry({ traceNumber: '091000019999999' }));
    expect(given.entries[0]?.traceNumber).toBe('091000019999999');
  });
});

describe('writeNachaFile: input validation', () => {
  it('rejects a receiving routing number whose check digit fails', () => {
    const e = errorOf(withEntry({ receivingDfiRouting: '021000022' }));
    expect(e.field).toBe('batches[0].entries[0].receivingDfiRouting');
    expect(e.reason).toBe('invalid_routing');
    expect(e.status).toBe(400);
  });

  it('rejects a bad immediate destination routing number', () => {
    expect(errorOf({ ...sampleFile(), immediateDestination: '123456789' }).field).toBe(
      'immediateDestination',
    );
  });

  it('rejects names the ACH network cannot carry, after transliterating what it can', () => {
    expect(errorOf(withEntry({ individualName: '王小明' })).reason).toBe('non_ascii');
    const ok = writeNachaFile(withEntry({ individualName: 'Ægir Þórsson Straße' }));
    expect(at(ok.content.split('\n')[2]!, 55, 76)).toBe('AEGIR THORSSON STRASSE');
  });

  it('rejects ids that would have to be cut, and account numbers with spaces', () => {
    expect(errorOf(withEntry({ individualId: 'X'.repeat(16) })).reason).toBe('too_long');
    expect(errorOf(withEntry({ dfiAccountNumber: '1234 5678' })).reason).toBe('invalid_format');
    expect(errorOf(withEntry({ dfiAccountNumber: '1'.repeat(18) })).reason).toBe('too_long');
  });

  it('rejects amounts that are not positive whole cents within 10 digits', () => {
    for (const amountCents of [0, -5, 12.5, 10_000_000_000]) {
      expect(errorOf(withEntry({ amountCents })).reason).toBe('invalid_amount');
    }
    expect(() => writeNachaFile(withEntry({ amountCents: 9_999_999_999 }))).not.toThrow();
  });

  it('only originates 27 and 37 debits, with a payment type on WEB and none on PPD', () => {
    expect(errorOf(withEntry({ transactionCode: 22 as 27 })).reason).toBe('invalid_transaction_code');
    expect(errorOf(withEntry({ paymentType: 'R' })).reason).toBe('not_allowed');
    const file = sampleFile();
    const web = file.batches[1]!;
    const noType = { ...web, entries: [{ ...web.entries[0]!, paymentType: undefined }] };
    expect(errorOf({ ...file, batches: [noType] }).field).toBe('batches[0].entries[0].paymentType');
  });

  it('rejects duplicate or foreign trace numbers, bad dates and empty batches', () => {
    const file = sampleFile();
    const batch = file.batches[0]!;
    const dup = batch.entries.map((e) => ({ ...e, traceNumber: '091000010000009' }));
    expect(errorOf({ ...file, batches: [{ ...batch, entries: dup }] }).reason).toBe('duplicate_trace');
    expect(errorOf(withEntry({ traceNumber: '021000010000001' })).reason).toBe('invalid_trace');
    expect(errorOf({ ...file, fileCreationDate: '2026-02-30' }).reason).toBe('invalid_date');
    expect(errorOf({ ...file, fileCreationTime: '25:00' }).reason).toBe('invalid_time');
    expect(errorOf({ ...file, fileIdModifier: 'a' }).field).toBe('fileIdModifier');
    expect(errorOf({ ...file, batches: [{ ...batch, entries: [] }] }).reason).toBe('empty_batch');
    expect(errorOf({ ...file, batches: [] }).reason).toBe('no_batches');
  });
});
