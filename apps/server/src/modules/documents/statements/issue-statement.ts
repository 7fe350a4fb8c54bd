import type { Db } from '../../../platform/db/client.ts';
import type { MailMessage } from '../../../platform/ports.ts';
import { drawDocuments } from '../draw-documents.ts';
import { cutStatements, type StatementCycle, type StatementDeps } from './cut-statements.ts';

export type { StatementDeps } from './cut-statements.ts';

/**
 * One contract's statement for the cycle ending on `statementDate` with payment due on
 * `dueDate`, cut and drawn at once (the demo history, a reprint of a missing cycle). Returns
 * null when that cycle's statement exists already, so reruns change nothing; else the document
 * ID and the e-mail notice (never the PDF itself) for the caller to queue in the mail outbox in
 * the same transaction. The close of business cuts a partition's statements together instead
 * (generateStatements) and draws them afterwards.
 */
export async function issueStatement(
  db: Db,
  deps: StatementDeps,
  contractId: number,
  cycle: StatementCycle,
): Promise<{ documentId: string; mail: MailMessage | null } | null> {
  const [cut] = await cutStatements(db, deps, [contractId], cycle);
  if (!cut) return null;
  await drawDocuments(db, deps.brand, { documentId: cut.rowId, wait: true });
  return { documentId: cut.documentId, mail: cut.mail };
}
