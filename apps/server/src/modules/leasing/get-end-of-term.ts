import type { EndOfTermOptions, WearCounts } from '@marque/contracts';
import {
  cents,
  daysBetween,
  type IsoDate,
  leaseEndOptions,
  WEAR_CHARGES,
  WEAR_ITEMS,
  wearEstimate,
} from '@marque/finance';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { ValidationError } from '../../platform/errors.ts';
import { dealers } from '../dealers/index.ts';
import { getMileage } from './get-mileage.ts';
import {
  DEMO_BUYOUT_APR,
  DEMO_BUYOUT_TERM_MONTHS,
  type LeaseContract,
  MAX_EXTENSION_MONTHS,
  usd,
} from './lease-terms.ts';

/** `tire:2,dent:1` → { tire: 2, dent: 1 }; an unknown item is a 400 on the `wear` field. */
export function parseWearQuery(wear: string | undefined): WearCounts {
  const counts: Record<string, number> = {};
  for (const pair of wear ? wear.split(',') : []) {
    const [item = '', count = '0'] = pair.split(':');
    if (!(WEAR_ITEMS as string[]).includes(item)) {
      throw ValidationError.field('wear', 'unknown_wear_item', `Unknown wear item "${item}".`);
    }
    counts[item] = (counts[item] ?? 0) + Number(count);
  }
  return counts as WearCounts;
}

/**
 * The four end-of-term choices side by side, in figures from @marque/finance: return (with the
 * projected mileage charge and the self-check's wear estimate), buy (and an estimated loan
 * payment for it), extend month by month, or turn in for a new vehicle.
 */
export async function getEndOfTerm(
  deps: { db: Db },
  lease: LeaseContract,
  wear: WearCounts,
  businessDate: IsoDate,
): Promise<EndOfTermOptions> {
  const { contract } = lease;
  for (const [item, count] of Object.entries(wear)) {
    const max = WEAR_CHARGES[item as keyof typeof WEAR_CHARGES].max;
    if ((count ?? 0) > max) {
      throw ValidationError.field(`wear.${item}`, 'too_many', `At most ${max} for ${item}.`);
    }
  }
  const estimate = wearEstimate(wear);
  const [dealer] = await deps.db
    .select({ name: dealers.name, phone: dealers.phone })
    .from(dealers)
    .where(eq(dealers.id, contract.dealerId))
    .limit(1);
  const mileage = await getMileage(deps.db, lease, businessDate);
  const options = leaseEndOptions({
    residual: cents(contract.residualCents),
    purchaseOptionFee: lease.purchaseOptionFee,
    taxRate: contract.salesTaxRate ?? '0',
    dispositionFee: lease.dispositionFee,
    excessMileageCharge: cents(mileage.projectedExcessCharge.amount),
    wearCharge: estimate.total,
    remainingBalance: cents(contract.balanceCents + contract.feesCents),
    monthlyPayment: cents(contract.paymentCents),
    financeApr: DEMO_BUYOUT_APR,
    financeTermMonths: DEMO_BUYOUT_TERM_MONTHS,
  });
  return {
    accountId: contract.publicId,
    asOf: businessDate,
    maturityDate: contract.maturityDate,
    daysToMaturity: Math.max(0, daysBetween(businessDate, contract.maturityDate)),
    paymentsRemaining: Math.max(0, contract.termMonths - contract.paymentsMade),
    projectedExcessMiles: mileage.projectedExcessMiles,
    wear: {
      lines: estimate.lines.map((l) => ({
        item: l.item,
        quantity: l.quantity,
        unit: usd(l.unit),
        amount: usd(l.amount),
      })),
      total: usd(estimate.total),
    },
    wearGuide: WEAR_ITEMS.map((item) => ({
      item,
      unit: usd(WEAR_CHARGES[item].unit),
      max: WEAR_CHARGES[item].max,
    })),
    return: {
      dispositionFee: usd(options.return.dispositionFee),
      excessMileage: usd(options.return.excessMileage),
      wear: usd(options.return.wear),
      total: usd(options.return.total),
    },
    buy: {
      residual: usd(options.buy.residual),
      purchaseOptionFee: usd(options.buy.purchaseOptionFee),
      purchaseOptionPrice: usd(options.buy.purchaseOptionPrice),
      tax: usd(options.buy.tax),
      salesTaxRate: contract.salesTaxRate ?? '0',
      remainingBalance: usd(options.buy.remainingBalance),
      total: usd(options.buy.total),
      financing: {
        apr: options.buy.financing.apr,
        termMonths: options.buy.financing.termMonths,
        monthlyPayment: usd(options.buy.financing.monthlyPayment),
      },
    },
    extend: { monthlyPayment: usd(options.extend.monthlyPayment), maxMonths: MAX_EXTENSION_MONTHS },
    // Turning in for a new Solenne waives the disposition fee (the loyalty offer).
    newVehicle: {
      dispositionFeeWaived: true,
      dealerName: dealer?.name ?? '',
      dealerPhone: dealer?.phone ?? '',
    },
  };
}
