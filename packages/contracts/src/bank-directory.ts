/**
 * A small routing directory shipped with Marque, so the portal can name the bank while the
 * customer types a routing number. The banks are fictional demo institutions; every number
 * passes the ABA check digit. A lender replaces this with the Federal Reserve's E-Payments
 * routing directory (FedACH participants) for production.
 */
export const ROUTING_DIRECTORY: Readonly<Record<string, string>> = {
  '322073508': 'Solenne Community Bank',
  '122098152': 'Riverside Valley Credit Union',
  '064097729': 'Magnolia State Bank',
  '263084151': 'Gulfshore Savings',
  '111907241': 'Lone Star Prairie Bank',
  '281590313': 'Gateway Federal Savings',
  '072906530': 'Great Lakes Mutual',
  '313088463': 'Bluebonnet Federal Credit Union',
  '104902376': 'High Plains Bank & Trust',
  '221381045': 'Harborview Savings Bank',
  '053805197': 'Piedmont Trust Company',
  '091907167': 'North Star Cooperative Bank',
};

/** The bank's name for a routing number when the directory knows it, else null. */
export function bankNameForRouting(routingNumber: string): string | null {
  return ROUTING_DIRECTORY[routingNumber] ?? null;
}
