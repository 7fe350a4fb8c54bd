import type {
  CoverageComponent,
  ProtectionKind,
  ProtectionProduct,
  ProtectionStatus,
} from '@marque/contracts';
import { compareDates, coverageExpired, daysBetween, type IsoDate } from '@marque/finance';
import type { ProductRow } from './repo.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' as const });

export function productStatus(row: ProductRow, asOf: IsoDate, odometer: number): ProtectionStatus {
  if (row.cancelledOn !== null) return 'cancelled';
  return coverageExpired(row.endDate, row.endMiles, asOf, odometer) ? 'expired' : 'active';
}

/** A product as the portal shows it, with its coverage meters as of the business date. */
export function toProduct(row: ProductRow, asOf: IsoDate, odometer: number): ProtectionProduct {
  const status = productStatus(row, asOf, odometer);
  const daysTotal = daysBetween(row.purchaseDate, row.endDate);
  const until = row.cancelledOn ?? asOf;
  const daysUsed = Math.min(daysTotal, Math.max(0, daysBetween(row.purchaseDate, until)));
  const milesTotal = row.endMiles === null ? null : row.endMiles - row.startMiles;
  const milesDriven = Math.max(0, odometer - row.startMiles);
  return {
    id: row.publicId,
    kind: row.kind as ProtectionKind,
    name: row.name,
    provider: row.provider,
    status,
    purchaseDate: row.purchaseDate,
    price: usd(row.priceCents),
    financed: row.financed,
    coverage: {
      components: row.components as CoverageComponent[],
      startDate: row.purchaseDate,
      endDate: row.endDate,
      startMiles: row.startMiles,
      endMiles: row.endMiles,
      deductible: usd(row.deductibleCents),
    },
    usage: {
      daysUsed,
      daysTotal,
      milesUsed: milesTotal === null ? milesDriven : Math.min(milesTotal, milesDriven),
      milesTotal,
    },
    terms: {
      refundBasis: row.refundBasis,
      cancellationFee: usd(row.cancellationFeeCents),
      feeCapPercent: row.feeCapPercent,
      freeLookDays: row.freeLookDays,
    },
    cancellable: status === 'active' && compareDates(asOf, row.purchaseDate) >= 0,
    cancellation:
      row.cancelledOn === null
        ? null
        : {
            date: row.cancelledOn,
            refund: usd(row.refundCents ?? 0),
            fee: usd(row.cancellationFeeChargedCents ?? 0),
            method: refundMethod(row.principalReductionCents ?? 0, row.customerRefundCents ?? 0),
            principalReduction: usd(row.principalReductionCents ?? 0),
            customerRefund: usd(row.customerRefundCents ?? 0),
          },
  };
}

export function refundMethod(principal: number, customer: number) {
  if (principal > 0 && customer > 0) return 'split' as const;
  return principal > 0 ? ('principal_reduction' as const) : ('customer_refund' as const);
}
