import type { CoverageAnswer, CoverageComponent, ProtectionKind } from '@marque/contracts';
import type { IsoDate } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import { isWearItem, kindCovering } from './catalogue.ts';
import { ownedContractWithOdometer, productsOfContract } from './repo.ts';
import { productStatus } from './to-product.ts';

/**
 * "Is this covered?": the account's active products that cover the component, or why not and
 * what would (a product that ended, a wear item no contract pays for, or a kind to consider).
 */
export async function checkCoverage(
  db: Db,
  input: {
    customerId: number | null;
    accountId: string;
    component: CoverageComponent;
    businessDate: IsoDate;
  },
): Promise<CoverageAnswer> {
  const owned = await ownedContractWithOdometer(db, input.customerId, input.accountId);
  const rows = (await productsOfContract(db, owned.contract.id)).filter((r) =>
    r.components.includes(input.component),
  );
  const active = rows.filter((r) => productStatus(r, input.businessDate, owned.odometer) === 'active');
  const coveredBy = active.map((r) => ({
    productId: r.publicId,
    name: r.name,
    provider: r.provider,
    kind: r.kind as ProtectionKind,
    untilDate: r.endDate,
    untilMiles: r.endMiles,
    deductible: { amount: r.deductibleCents, currency: 'USD' as const },
  }));
  let suggestion: CoverageAnswer['suggestion'] = null;
  if (coveredBy.length === 0) {
    const ended = rows[0];
    if (ended) suggestion = { code: 'coverage_ended', productKind: ended.kind as ProtectionKind };
    else if (isWearItem(input.component)) suggestion = { code: 'wear_item', productKind: null };
    else suggestion = { code: 'add_product', productKind: kindCovering(input.component) };
  }
  return { component: input.component, covered: coveredBy.length > 0, coveredBy, suggestion };
}
