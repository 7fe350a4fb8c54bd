/**
 * NACHA ACH files: origination (PPD autopay and WEB portal debits), parsing, and returns.
 *
 *   writeNachaFile(input: NachaFileInput): NachaFileResult
 *     Validates (ABA check digits, ASCII names, amounts, unique traces) and writes the file.
 *     Throws NachaInputError (a ValidationError with the offending field path).
 *   parseNachaFile(text: string, options?: { lenient?: boolean }): ParsedNachaFile
 *     Reads any NACHA file and checks every control total. Throws NachaFormatError (422).
 *   parseReturnsFile(text: string): ParsedReturnsFile
 *     The returns (addenda 99) and notifications of change (98) in a bank's file, with the
 *     file's fingerprint for import idempotency.
 *   buildReturnsFile(input: BuildReturnsFileInput): string
 *     The returns file a bank would send for chosen entries of one of our files.
 *   returnCodeInfo(code: string): ReturnCodeInfo / RETURN_CODES
 *     Description and consequences (suspend autopay, NSF fee, unauthorised) of each R-code.
 */
export { type BuildReturnsFileInput, buildReturnsFile, type ReturnRequest } from './build-returns-file.ts';
export {
  type DebitTransactionCode,
  type NachaBatchInput,
  type NachaEntryInput,
  type NachaFileHeader,
  type NachaFileInput,
  type NachaFileResult,
  NachaFormatError,
  NachaInputError,
  type ParsedBatch,
  type ParsedEntry,
  type ParsedNachaFile,
  type SecCode,
  type WebPaymentType,
  type WrittenEntry,
} from './nacha-types.ts';
export { type ParseOptions, parseNachaFile } from './parse-nacha-file.ts';
export {
  type AchReturn,
  type NotificationOfChange,
  nachaFingerprint,
  type ParsedReturnsFile,
  parseReturnsFile,
} from './parse-returns-file.ts';
export { RETURN_CODES, type ReturnCodeInfo, returnCodeInfo } from './return-codes.ts';
export { writeNachaFile } from './write-nacha-file.ts';
