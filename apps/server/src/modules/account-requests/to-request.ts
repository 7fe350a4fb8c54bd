import type { AccountRequest } from '@marque/contracts';
import type { accountRequests } from './tables.ts';

export type AccountRequestRow = typeof accountRequests.$inferSelect;

export function toAccountRequest(row: AccountRequestRow, accountId: string): AccountRequest {
  return {
    id: row.publicId,
    accountId,
    kind: row.kind,
    status: row.status,
    quote: row.quote,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
  };
}
