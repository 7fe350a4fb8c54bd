import type { CancellationQuote } from '@marque/contracts';
import { cents, FinanceInputError, type IsoDate, protectionRefund } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import { BusinessRuleError, ConflictError } from '../../platform/errors.ts';
import { ownedContractWithOdometer, type ProductRow, requireProductOfContract } from './repo.ts';
import { productStatus } from './to-product.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' as const });

/**
 * The refund a cancellation would give today, every figure shown before the customer confirms.
 * A financed product's refund reduces the contract principal (never below zero: any excess is
 * paid to the customer); a product bought outright is refunded to the customer.
 */
export function quoteFor(
  product: ProductRow,
  principalCents: number,
  asOf: IsoDate,
  odometer: number,
): CancellationQuote {
  if (productStatus(product, asOf, odometer) !== 'active') {
    throw new ConflictError(
      'product_not_cancellable',
      'Only an active product can be cancelled; this one has ended or was already cancelled.',
    );
  }
  let refund: ReturnType<typeof protectionRefund>;
  try {
    refund = protectionRefund({
      price: cents(product.priceCents),
      terms: {
        basis: product.refundBasis,
        cancellationFee: cents(product.cancellationFeeCents),
        ...(product.feeCapPercent === null ? {} : { feeCapPercent: product.feeCapPercent }),
        freeLookDays: product.freeLookDays,
      },
      startDate: product.purchaseDate,
      endDate: product.endDate,
      cancelDate: asOf,
      startMiles: product.startMiles,
      ...(product.endMiles === null ? {} : { endMiles: product.endMiles }),
      currentMiles: Math.max(odometer, product.startMiles),
    });
  } catch (error) {
    if (error instanceof FinanceInputError)
      throw new BusinessRuleError('product_not_cancellable', error.message);
    throw error;
  }
  const principalReduction = product.financed ? Math.min(refund.refund, Math.max(0, principalCents)) : 0;
  return {
    productId: product.publicId,
    asOf,
    odometer,
    price: usd(product.priceCents),
    basisUsed: refund.basisUsed,
    unusedShare: { byTime: refund.byTime, byMileage: refund.byMileage },
    proRataRefund: usd(refund.proRataRefund),
    cancellationFee: usd(refund.cancellationFee),
    refund: usd(refund.refund),
    financed: product.financed,
    principalReduction: usd(principalReduction),
    customerRefund: usd(refund.refund - principalReduction),
  };
}

export async function quoteCancellation(
  db: Db,
  input: { customerId: number | null; accountId: string; productId: string; businessDate: IsoDate },
): Promise<CancellationQuote> {
  const owned = await ownedContractWithOdometer(db, input.customerId, input.accountId);
  const product = await requireProductOfContract(db, owned.contract.id, input.productId);
  return quoteFor(product, owned.contract.balanceCents, input.businessDate, owned.odometer);
}
