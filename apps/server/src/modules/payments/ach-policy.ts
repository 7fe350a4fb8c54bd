/**
 * How this lender originates ACH debits and treats returns. The demo values are fictional;
 * a deployment sets its own ODFI and company ID as agreed with its bank.
 */
export const ACH_ORIGINATOR = {
  /** Our bank (the ODFI): its routing number, and the name on file headers. */
  immediateDestination: '091907167',
  immediateDestinationName: 'NORTH STAR COOPERATIVE',
  /** '1' + the lender's EIN, as the bank assigned it. */
  immediateOrigin: '1990000001',
  immediateOriginName: 'SOLENNE MOTOR FINANCE',
  companyName: 'SOLENNE MOTOR',
  companyId: '1990000001',
  /** First 8 digits of the ODFI routing number: the start of every trace number. */
  originatingDfi: '09190716',
} as const;

/** An ACH debit is treated as collected this many business days after it was sent. */
export const SETTLEMENT_BUSINESS_DAYS = 2;

/** The contract's returned-payment (NSF) fee, charged for R01/R09 returns. */
export const NSF_FEE_CENTS = 2500;
