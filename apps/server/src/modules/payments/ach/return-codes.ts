/**
 * ACH return reason codes (NACHA Operating Rules, Appendix Four) and what Marque does with each.
 *
 * - `suspendsAutopay`: drafting the same account again would fail or is no longer authorised, so
 *   autopay is suspended until the customer acts. Beyond the account problems the issue lists
 *   (R02, R03, R04, R10, R16, R29) this includes revoked or missing authorisation (R05, R07), a
 *   deceased account holder (R14, R15), an account moved to another bank (R12) and an account
 *   that cannot take debits (R20): re-presenting any of those breaks the Rules or Reg E.
 * - `chargesNsfFee`: the debit failed for lack of funds (R01, R09); the contract may allow a fee.
 * - `unauthorized`: counts towards the 0.5% unauthorised-return threshold and may arrive up to
 *   60 days after settlement instead of two banking days.
 */
export interface ReturnCodeInfo {
  code: string;
  description: string;
  suspendsAutopay: boolean;
  chargesNsfFee: boolean;
  unauthorized: boolean;
}

const SUSPENDS = new Set([
  'R02',
  'R03',
  'R04',
  'R05',
  'R07',
  'R10',
  'R12',
  'R14',
  'R15',
  'R16',
  'R20',
  'R29',
]);
const NSF = new Set(['R01', 'R09']);
const UNAUTHORIZED = new Set(['R05', 'R07', 'R10', 'R11', 'R29', 'R51']);

const DESCRIPTIONS: ReadonlyArray<readonly [string, string]> = [
  ['R01', 'Insufficient funds'],
  ['R02', 'Account closed'],
  ['R03', 'No account / unable to locate account'],
  ['R04', 'Invalid account number structure'],
  ['R05', 'Unauthorized debit to consumer account using corporate SEC code'],
  ['R06', "Returned per ODFI's request"],
  ['R07', 'Authorization revoked by customer'],
  ['R08', 'Payment stopped'],
  ['R09', 'Uncollected funds'],
  ['R10', 'Customer advises originator is not known or not authorized to debit the account'],
  ['R11', 'Customer advises entry not in accordance with the terms of the authorization'],
  ['R12', 'Account sold to another DFI'],
  ['R13', 'Invalid ACH routing number'],
  ['R14', 'Representative payee deceased or unable to continue in that capacity'],
  ['R15', 'Beneficiary or account holder deceased'],
  ['R16', 'Account frozen / entry returned per OFAC instruction'],
  ['R17', 'File record edit criteria / entry initiated under questionable circumstances'],
  ['R18', 'Improper effective entry date'],
  ['R19', 'Amount field error'],
  ['R20', 'Non-transaction account'],
  ['R21', 'Invalid company identification'],
  ['R22', 'Invalid individual ID number'],
  ['R23', 'Credit entry refused by receiver'],
  ['R24', 'Duplicate entry'],
  ['R25', 'Addenda error'],
  ['R26', 'Mandatory field error'],
  ['R27', 'Trace number error'],
  ['R28', 'Routing number check digit error'],
  ['R29', 'Corporate customer advises not authorized'],
  ['R30', 'RDFI not participant in check truncation program'],
  ['R31', 'Permissible return entry (CCD and CTX only)'],
  ['R32', 'RDFI non-settlement'],
  ['R33', 'Return of XCK entry'],
  ['R34', 'Limited participation DFI'],
  ['R35', 'Return of improper debit entry'],
  ['R36', 'Return of improper credit entry'],
  ['R37', 'Source document presented for payment'],
  ['R38', 'Stop payment on source document'],
  ['R39', 'Improper source document / source document presented for payment'],
  ['R51', 'Item related to RCK entry is ineligible or RCK entry is improper'],
  ['R61', 'Misrouted return'],
  ['R67', 'Duplicate return'],
  ['R68', 'Untimely return'],
  ['R69', 'Field error(s)'],
  ['R70', 'Permissible return entry not accepted / return not requested by ODFI'],
];

function info(code: string, description: string): ReturnCodeInfo {
  return {
    code,
    description,
    suspendsAutopay: SUSPENDS.has(code),
    chargesNsfFee: NSF.has(code),
    unauthorized: UNAUTHORIZED.has(code),
  };
}

export const RETURN_CODES: ReadonlyMap<string, ReturnCodeInfo> = new Map(
  DESCRIPTIONS.map(([code, description]) => [code, info(code, description)]),
);

/**
 * The table entry for a code. A code missing from the table is still a return (the money did not
 * arrive), so it gets a neutral entry instead of being dropped: no fee, autopay left alone.
 */
export function returnCodeInfo(code: string): ReturnCodeInfo {
  return RETURN_CODES.get(code) ?? info(code, `Unrecognised return reason ${code}`);
}
