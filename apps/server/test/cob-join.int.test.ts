import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays } from '@marque/finance';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../src/modules/ledger/index.ts';
import { getCobOverview } from '../src/modules/servicing/get-cob-overview.ts';
import {
  COB_LOCK_KEY,
  type CobWorker,
  joinCob,
  runCob,
  startCobWorker,
} from '../src/modules/servicing/index.ts';
import { claimPartition } from '../src/modules/servicing/partitions.ts';
import { runMarked } from '../src/modules/servicing/run-step.ts';
import { accrueStep } from '../src/modules/servicing/steps/accrue.ts';
import { readBusinessDate } from '../src/platform/clock.ts';
import { type Database, openDatabase } from '../src/platform/db/client.ts';
import { cobDigest, cobPortfolio, cobTestDeps, marque } from './support/cob.ts';
import type { TestDatabase } from './support/database.ts';

/**
 * Several processes on one close of business (ADR 0010): a coordinator holding the COB lock and
 * joiners claiming its partitions (two database handles = two pools, as two processes have;
 * and on PostgreSQL two real `marque cob` processes). The result equals a single-process run;
 * each step runs once however many workers race for it; a partition whose worker died is
 * taken over. PGlite is one process: joining is a no-op there.
 */
const START = '2026-11-24';
const THROUGH = addDays(START, 2);
const CONTRACTS = 300;
const opened: TestDatabase[] = [];
const handles: Database[] = [];
afterAll(async () => {
  for (const h of handles) await h.close();
  for (const t of opened) await t.drop();
});

async function portfolio(): Promise<TestDatabase> {
  const t = await cobPortfolio(CONTRACTS, START);
  opened.push(t);
  return t;
}

/** A second "process" on the same database: its own pool. */
async function secondHandle(t: TestDatabase): Promise<Database> {
  if (t.kind !== 'postgres' || !t.url) return t.database;
  const h = await openDatabase({ kind: 'postgres', url: t.url, poolSize: 4 });
  handles.push(h);
  return h;
}

let baseline = '';
async function baselineDigest(): Promise<string> {
  if (baseline) return baseline;
  const t = await portfolio();
  const results = await runCob(cobTestDeps(t.database), { through: THROUGH, trigger: 'test' });
  expect(results.map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
  baseline = await cobDigest(t.database);
  return baseline;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a coordinator and a joining process', () => {
  it('both claim partitions and the result equals a single-process run', async () => {
    const want = await baselineDigest();
    const t = await portfolio();
    const other = await secondHandle(t);
    const coordinatorDone = new AbortController();
    const [results, joined] = await Promise.all([
      runCob(cobTestDeps(t.database, { processName: 'coordinator', pollMs: 20 }), {
        through: THROUGH,
        trigger: 'test',
      }).finally(() => coordinatorDone.abort()),
      // Started with the coordinator: waits for its runs to open, follows it across the days.
      joinCob(cobTestDeps(other, { processName: 'joiner', pollMs: 20 }), {
        waitMs: 240_000,
        signal: coordinatorDone.signal,
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
    const by = await t.database.query<{ process: string; n: number }>(
      `select split_part(worker, ':', 1) as process, count(*)::int as n from cob_partitions group by 1 order by 1`,
    );
    if (t.kind === 'postgres') {
      expect(by.map((r) => r.process)).toEqual(['coordinator', 'joiner']);
      expect(joined.partitions).toBe(by.find((r) => r.process === 'joiner')?.n);
    } else {
      expect(joined).toEqual({ runs: [], partitions: 0 });
      expect(by.map((r) => r.process)).toEqual(['coordinator']);
    }
    // The ops overview counts the processes that worked each run.
    const overview = await getCobOverview(t.database.db, {
      businessDate: addDays(THROUGH, 1),
      now: new Date(),
    });
    const workers = overview.runs.map((r) => r.workers);
    expect(workers).toHaveLength(3);
    if (t.kind === 'postgres') expect(workers).toContain(2);
    else expect(workers).toEqual([1, 1, 1]);
    const [left] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from cob_partitions where status <> 'done'`,
    );
    expect(left?.n).toBe(0);
    expect(await cobDigest(t.database)).toBe(want);
    expect((await verifyLedger(t.database)).ok).toBe(true);
  }, 300_000);
});

describe('exactly once', () => {
  it('two workers racing for the same (date, range, step): the work runs once, one journal entry per loan', async () => {
    const t = await portfolio();
    const other = await secondHandle(t);
    const date = (await readBusinessDate(t.database.db)) as string;
    const ctx = { runId: 0, lo: 1, hi: 1_000_000, businessDate: date, nextDate: addDays(date, 1) };
    const mark = { runId: 0, businessDate: date, lo: 1, hi: 1_000_000, step: accrueStep.name };
    const entries = async () =>
      (await t.database.query<{ n: number }>('select count(*)::int as n from journal_entries'))[0]?.n ?? 0;
    const before = await entries();
    let ran = 0;
    // The first holds its transaction open after the work, so the second arrives while the
    // marker is written but not committed.
    const work = (hold: number) => async (tx: Parameters<typeof accrueStep.run>[0]) => {
      ran++;
      const n = await accrueStep.run(tx, ctx);
      await sleep(hold);
      return n;
    };
    const first = runMarked(t.database.db, mark, work(600));
    await sleep(150);
    const second = runMarked(other.db, mark, work(0));
    const outcomes = await Promise.all([first, second]);
    expect(outcomes).toEqual(['done', 'skipped']);
    expect(ran).toBe(1);
    const [marker] = await t.database.query<{ rows: number }>(
      `select rows from cob_step_marks where business_date = $1 and lo = 1 and step = $2`,
      [date, accrueStep.name],
    );
    expect(marker?.rows).toBeGreaterThan(0);
    // One accrual entry per loan accrued, written once.
    expect((await entries()) - before).toBe(marker?.rows);
    expect((await verifyLedger(t.database)).ok).toBe(true);
  }, 300_000);
});

describe('liveness', () => {
  it('a partition claimed by a worker that died is taken over and the run completes', async () => {
    const t = await portfolio();
    const other = await secondHandle(t);
    let gone: number | null = null;
    const results = await runCob(
      cobTestDeps(t.database, {
        staleAfterMs: 400,
        pollMs: 20,
        // At the first partition step, another worker claims a partition and dies (never
        // heartbeats, never finishes it).
        crash: async (point) => {
          if (gone !== null || !point.startsWith(`${accrueStep.name}@`)) return;
          gone = 0;
          const [run] = await other.query<{ id: number }>('select max(id)::int as id from cob_runs');
          const p = await claimPartition(other.db, run?.id ?? 0, 'gone:1:0', 400);
          gone = p?.id ?? null;
        },
      }),
      { trigger: 'test' },
    );
    expect(results.map((r) => r.status)).toEqual(['completed']);
    expect(gone).toBeGreaterThan(0);
    const [p] = await t.database.query<{ status: string; worker: string }>(
      'select status, worker from cob_partitions where id = $1',
      [gone],
    );
    expect(p?.status).toBe('done');
    expect(p?.worker).not.toMatch(/^gone:/);
    const [marks] = await t.database.query<{ n: number; partitions: number }>(
      `select (select count(*)::int from cob_step_marks where lo >= 0 and step = $1) as n,
              (select count(*)::int from cob_partitions) as partitions`,
      [accrueStep.name],
    );
    expect(marks?.n).toBe(marks?.partitions);
    expect((await verifyLedger(t.database)).ok).toBe(true);
  }, 300_000);
});

describe('the worker in `marque start`', () => {
  it('joins the close another process holds instead of waiting for the lock', async () => {
    const t = await portfolio();
    const other = await secondHandle(t);
    if (t.kind !== 'postgres') {
      // PGlite: one process, the lock is always ours.
      expect(await t.database.tryWithAdvisoryLock(COB_LOCK_KEY, async () => 7)).toEqual({
        locked: true,
        value: 7,
      });
      return;
    }
    let worker: CobWorker | null = null;
    let joined = 0;
    const results = await runCob(
      cobTestDeps(t.database, {
        workers: 1,
        processName: 'coordinator',
        // At the first partition step the server's worker ticks (its clock is a day ahead):
        // the lock is ours, so it must join and claim partitions while we wait here.
        crash: async (point) => {
          if (worker || !point.startsWith(`${accrueStep.name}@`)) return;
          expect(await other.tryWithAdvisoryLock(COB_LOCK_KEY, async () => 0)).toEqual({ locked: false });
          worker = startCobWorker(
            cobTestDeps(other, {
              processName: 'server',
              now: () => new Date(`${addDays(START, 1)}T12:00:00Z`),
            }),
            { intervalMs: 50 },
          );
          for (let i = 0; i < 400 && joined === 0; i++) {
            await sleep(50);
            const [r] = await other.query<{ n: number }>(
              `select count(*)::int as n from cob_partitions where worker like 'server:%'`,
            );
            joined = r?.n ?? 0;
          }
        },
      }),
      { trigger: 'test' },
    );
    await (worker as CobWorker | null)?.stop();
    expect(results.map((r) => r.status)).toEqual(['completed']);
    expect(joined).toBeGreaterThan(0);
    expect((await verifyLedger(t.database)).ok).toBe(true);
  }, 300_000);
});

describe('two real processes', () => {
  it('`marque cob` and `marque cob --join` share the partitions; the digest equals a single-process run', async () => {
    const want = await baselineDigest();
    const t = await portfolio();
    if (t.kind !== 'postgres' || !t.url) {
      // PGlite: one process holds DATA_DIR; a joiner in the same process has nothing to join.
      expect(await joinCob(cobTestDeps(t.database))).toEqual({ runs: [], partitions: 0 });
      return;
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marque-cobjoin-'));
    try {
      const env = { url: t.url, dataDir };
      // The joiner starts first and waits for the coordinator's runs; one worker each, so
      // neither process finishes a day alone before the other is up.
      const joiner = marque(['cob', '--join', '--wait', '20', '--workers', '1'], env);
      await sleep(500);
      const coordinator = marque(['cob', '--date', THROUGH, '--partition-size', '10', '--workers', '1'], env);
      expect(await coordinator.exited).toBe(0);
      expect(await joiner.exited).toBe(0);
      const pids = await t.database.query<{ pid: string }>(
        `select distinct split_part(worker, ':', 2) as pid from cob_partitions order by 1`,
      );
      expect(pids.map((r) => Number(r.pid)).sort()).toEqual([coordinator.pid, joiner.pid].sort());
      expect(await cobDigest(t.database)).toBe(want);
      expect((await verifyLedger(t.database)).ok).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
