/**
 * Close of business for one business date on PostgreSQL with K processes joining the
 * coordinator (`marque cob --join`), against the same close by the coordinator alone, measured
 * in the same run on two identical databases. Prints wall time and partitions per process.
 * (On a 2-core machine more processes mostly show that joining works, not speed-up: PostgreSQL
 * and the processes share the cores.)
 *
 *   node --import tsx bench/cob-join.bench.ts [N] [K joiners] [workers per process]
 *   (BENCH_DATABASE_URL, else TEST_DATABASE_URL / DATABASE_URL, else the local test server)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { verifyLedger } from '../apps/server/src/modules/ledger/index.ts';
import { createNotificationInbox } from '../apps/server/src/modules/notifications/index.ts';
import { runCob } from '../apps/server/src/modules/servicing/index.ts';
import { createFieldCipher } from '../apps/server/src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../apps/server/src/platform/crypto/keys.ts';
import { type Database, openDatabase } from '../apps/server/src/platform/db/client.ts';
import { prepareDatabase } from '../apps/server/src/seed/prepare.ts';
import { seedSyntheticContracts } from '../apps/server/src/seed/seed-synthetic.ts';

const N = Number(process.argv[2] ?? 50_000);
const K = Number(process.argv[3] ?? 1);
const WORKERS = Number(process.argv[4] ?? 1);
// Enough partitions for several processes to share.
const PARTITION_SIZE = Math.max(500, Math.ceil(N / 40));
const DATE = '2026-11-24';
const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/server');
const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const say = (s: string) => process.stdout.write(`${s}\n`);
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();

async function seeded(): Promise<{ name: string; url: string; database: Database }> {
  const name = `marque_bench_${crypto.randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: WORKERS + 2 });
  await prepareDatabase(
    { database, cipher: createFieldCipher(testFieldKeys()), now: new Date(`${DATE}T12:00:00Z`) },
    { seedDemo: true },
  );
  await seedSyntheticContracts(database, N, DATE);
  await database.exec('vacuum analyze');
  return { name, url: url.toString(), database };
}

interface Timing {
  seconds: number;
  status: string | undefined;
  /** From the run's start to the first partition claim: the run-wide payments. */
  before: number;
  /** From the first claim to the last partition finished. */
  partitions: number;
}

async function close(database: Database): Promise<Timing> {
  const started = performance.now();
  const [result] = await runCob(
    {
      database,
      inbox: createNotificationInbox(),
      workers: WORKERS,
      partitionSize: PARTITION_SIZE,
      pollMs: 50,
    },
    { through: DATE, trigger: 'bench' },
  );
  const [t] = await database.query<{ before: number; partitions: number }>(
    `select extract(epoch from min(p.claimed_at) - r.started_at)::float8 as before,
            extract(epoch from max(p.finished_at) - min(p.claimed_at))::float8 as partitions
       from cob_runs r join cob_partitions p on p.run_id = r.id group by r.started_at`,
  );
  return {
    seconds: (performance.now() - started) / 1000,
    status: result?.status,
    before: t?.before ?? 0,
    partitions: t?.partitions ?? 0,
  };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marque-bench-'));
const names: string[] = [];
const children: ChildProcess[] = [];
try {
  const alone = await seeded();
  names.push(alone.name);
  const solo = await close(alone.database);
  await alone.database.close();

  const shared = await seeded();
  names.push(shared.name);
  for (let i = 0; i < K; i++) {
    children.push(
      spawn(
        process.execPath,
        ['bin/marque.js', 'cob', '--join', '--wait', '60', '--workers', String(WORKERS)],
        {
          cwd: SERVER,
          env: { ...process.env, DATABASE_URL: shared.url, DATA_DIR: dataDir, NODE_ENV: 'development' },
          stdio: 'ignore',
        },
      ),
    );
  }
  // Let the joiners start (they wait for the coordinator's run to open).
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const joined = await close(shared.database);
  const by = await shared.database.query<{ process: string; n: number }>(
    `select regexp_replace(worker, ':[^:]*$', '') as process, count(*)::int as n
       from cob_partitions group by 1 order by 1`,
  );
  const verdict = await verifyLedger(shared.database);
  await shared.database.close();
  say(`COB ${DATE}, ${N} contracts, partitions of ${PARTITION_SIZE} ids, ${WORKERS} worker(s) per process`);
  const line = (t: Timing) =>
    `${t.seconds.toFixed(2)} s (${t.status}; run-wide payments ${t.before.toFixed(2)} s, partitions ${t.partitions.toFixed(2)} s)`;
  say(`  coordinator alone: ${line(solo)}`);
  say(`  coordinator + ${K} joining process(es): ${line(joined)}`);
  say(`  partitions by process: ${by.map((r) => `${r.process} ${r.n}`).join(', ')}`);
  say(`  ledger verify: ${verdict.ok ? 'OK' : 'FAILED'} (${verdict.entries} entries)`);
} finally {
  for (const c of children) c.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
  for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
