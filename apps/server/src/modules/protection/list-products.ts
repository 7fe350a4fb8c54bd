import type { ProtectionProductList } from '@marque/contracts';
import type { IsoDate } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import { ownedContractWithOdometer, productsOfContract } from './repo.ts';
import { toProduct } from './to-product.ts';

/** The account's protection products with coverage meters as of the business date. */
export async function listProducts(
  db: Db,
  input: { customerId: number | null; accountId: string; businessDate: IsoDate },
): Promise<ProtectionProductList> {
  const owned = await ownedContractWithOdometer(db, input.customerId, input.accountId);
  const rows = await productsOfContract(db, owned.contract.id);
  return {
    asOf: input.businessDate,
    odometer: owned.odometer,
    data: rows.map((row) => toProduct(row, input.businessDate, owned.odometer)),
  };
}
