import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeOfBusinessStatements } from '../../src/modules/documents/index.ts';
import { createLoggingSmsSender, createNotificationInbox } from '../../src/modules/notifications/index.ts';
import { closeOfBusinessCoverageNotices } from '../../src/modules/protection/index.ts';
import type { CobDeps } from '../../src/modules/servicing/index.ts';
import { readBusinessDate } from '../../src/platform/clock.ts';
import { createFieldCipher } from '../../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../../src/platform/crypto/keys.ts';
import type { Database } from '../../src/platform/db/client.ts';
import { prepareDatabase } from '../../src/seed/prepare.ts';
import { seedSyntheticContracts } from '../../src/seed/seed-synthetic.ts';
import { freshDatabase, type TestDatabase } from './database.ts';

/** A database with the demo data and `contracts` synthetic loans, as of `start`. */
export async function cobPortfolio(contracts: number, start: string): Promise<TestDatabase> {
  const t = await freshDatabase();
  await prepareDatabase(
    { database: t.database, cipher: createFieldCipher(testFieldKeys()), now: new Date(`${start}T15:00:00Z`) },
    { seedDemo: true },
  );
  await seedSyntheticContracts(t.database, contracts, start);
  return t;
}

/** Everything close of business decides, keyed by what does not depend on random ids. */
export async function cobDigest(database: Database): Promise<string> {
  const parts = await Promise.all([
    database.query(
      `select account_number, balance_cents, interest_cents, fees_cents, unapplied_cents, interest_accrued_through,
              next_due_date, past_due_cents, days_past_due, payments_made from contracts order by account_number`,
    ),
    database.query(
      `select j.kind, j.effective_date, p.account, count(*)::int as n, sum(p.amount_cents)::bigint as total
         from journal_entries j join postings p on p.entry_id = j.id group by 1, 2, 3 order by 1, 2, 3`,
    ),
    database.query(
      `select c.account_number, h.business_date, h.from_bucket, h.to_bucket, h.days_past_due
         from delinquency_history h join contracts c on c.id = h.contract_id order by 1, 2`,
    ),
    database.query(
      `select c.account_number, n.kind, n.ref_date, n.business_date
         from cob_notices n join contracts c on c.id = n.contract_id order by 1, 2, 3`,
    ),
    database.query('select count(*)::int as n from notifications'),
    database.query(`select kind, count(*)::int as n from documents group by kind order by kind`),
    database.query(`select c.account_number, f.due_date, f.amount_cents from late_fee_assessments f
                      join contracts c on c.id = f.contract_id order by 1, 2`),
    readBusinessDate(database.db),
  ]);
  return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The hooks `marque cob` wires (statements, coverage notices), so every process does the same work. */
export function cobTestDeps(database: Database, extra: Partial<CobDeps> = {}): CobDeps {
  const inbox = createNotificationInbox();
  const now = () => new Date();
  return {
    database,
    inbox,
    partitionSize: 10,
    generateStatements: closeOfBusinessStatements({ inbox }),
    serviceNotices: closeOfBusinessCoverageNotices({
      inbox,
      sms: createLoggingSmsSender({ now, log: { info: () => {} } }),
      brandName: 'Solenne Motor Finance',
      now,
    }),
    ...extra,
  };
}

const SERVER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Spawns `marque <args>` on a PostgreSQL database; resolves with its pid and exit code. */
export function marque(
  args: string[],
  env: { url: string; dataDir: string },
): { pid: number; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['bin/marque.js', ...args], {
    cwd: SERVER_ROOT,
    env: { ...process.env, DATABASE_URL: env.url, DATA_DIR: env.dataDir, NODE_ENV: 'development' },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { pid: child.pid ?? 0, exited };
}
