import { bankNameForRouting } from '@marque/contracts';
import { isValidAbaRouting } from '@marque/finance';
import { inTransaction } from '../../platform/db/tx.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { type Principal, type RequestContext, requireRecentStepUp } from '../../platform/http/access.ts';
import { newId } from '../../platform/ids.ts';
import { recordMethodChange } from './methods-alerts.ts';
import { ACCOUNT_NUMBER_AAD, type PaymentMethodDeps } from './methods-deps.ts';
import { lockAndCheckRoom } from './methods-limits.ts';
import { findLiveBankAccount, insertPaymentMethod, type PaymentMethodRow } from './methods-repo.ts';

/** The request after the schema ran: digits only, trimmed, nickname absent when blank. */
export interface BankAccountInput {
  holderName: string;
  routingNumber: string;
  accountNumber: string;
  accountType: 'checking' | 'savings';
  nickname?: string | undefined;
}

/** The bank account's values as stored: the number encrypted, a blind index beside it, last 4 in clear. */
export function bankAccountColumns(deps: Pick<PaymentMethodDeps, 'cipher'>, input: BankAccountInput) {
  return {
    kind: 'bank_account' as const,
    nickname: input.nickname ?? null,
    last4: input.accountNumber.slice(-4),
    holderName: input.holderName,
    routingNumber: input.routingNumber,
    accountNumberEnc: deps.cipher.encrypt(input.accountNumber, ACCOUNT_NUMBER_AAD),
    accountNumberBidx: deps.cipher.blindIndex(input.accountNumber, ACCOUNT_NUMBER_AAD),
    accountType: input.accountType,
    bankName: bankNameForRouting(input.routingNumber),
  };
}

/**
 * Adds a bank account for ACH debits (SECURITY.md 7.5.1: needs a second factor within 5
 * minutes). The routing number must pass the ABA check digit; the same account twice is a 409.
 */
export async function addBankAccount(
  deps: PaymentMethodDeps,
  ctx: RequestContext,
  principal: Principal & { customerId: number },
  input: BankAccountInput,
): Promise<PaymentMethodRow> {
  // Input first: a typo is fixed before the customer is asked for a code.
  if (!isValidAbaRouting(input.routingNumber)) {
    throw ValidationError.field(
      'routingNumber',
      'invalid_routing_number',
      'This is not a valid routing number. Check the 9 digits at the bottom left of a check.',
    );
  }
  requireRecentStepUp(principal, deps.now());
  const columns = bankAccountColumns(deps, input);
  const row = await inTransaction(deps.db, async (tx) => {
    await lockAndCheckRoom(tx, principal.customerId);
    const existing = await findLiveBankAccount(
      tx,
      principal.customerId,
      columns.routingNumber,
      columns.accountNumberBidx,
    );
    if (existing) {
      throw new ConflictError(
        'duplicate_bank_account',
        'This bank account is already one of your payment methods.',
      );
    }
    return insertPaymentMethod(tx, {
      publicId: newId('pm'),
      customerId: principal.customerId,
      ...columns,
      createdAt: deps.now(),
    });
  });
  await recordMethodChange(deps, ctx, principal, row, 'added');
  return row;
}

/** The full account number of a stored bank account, for the ACH file only (never an API answer or a log). */
export function revealAccountNumber(
  deps: Pick<PaymentMethodDeps, 'cipher'>,
  row: Pick<PaymentMethodRow, 'accountNumberEnc'>,
): string {
  if (!row.accountNumberEnc) throw new Error('not a bank account');
  return deps.cipher.decrypt(row.accountNumberEnc, ACCOUNT_NUMBER_AAD);
}
