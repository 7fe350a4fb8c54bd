/**
 * Sustained payment posting through the HTTP API on PostgreSQL: real HTTP requests with a
 * session cookie and an Idempotency-Key, each posting a payment (ledger accrual + payment
 * entries, contract update, inbox notice, confirmation e-mail file). Baseline in the same run:
 * a bare Fastify route answering one `select 1` from the same pool, driven the same way.
 *
 *   node --import tsx bench/payments.bench.ts [PAYMENTS] [CONCURRENCY]
 *   (BENCH_DATABASE_URL, default the local test server)
 *
 * Prints payments/s, the baseline's requests/s, their ratio, duplicates found, and whether
 * `ledger verify` is green afterwards.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { createAuditLog } from '../apps/server/src/modules/audit/index.ts';
import { hashPassword } from '../apps/server/src/modules/identity/index.ts';
import { hashSessionToken, newSessionToken } from '../apps/server/src/modules/identity/session-token.ts';
import { sessions, users } from '../apps/server/src/modules/identity/tables.ts';
import { verifyLedger } from '../apps/server/src/modules/ledger/index.ts';
import { createNotificationInbox } from '../apps/server/src/modules/notifications/index.ts';
import { seedPaymentMethods } from '../apps/server/src/modules/payments/index.ts';
import { DEMO_BRAND } from '../apps/server/src/platform/brand.ts';
import { fixedClock } from '../apps/server/src/platform/clock.ts';
import { createFieldCipher } from '../apps/server/src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../apps/server/src/platform/crypto/keys.ts';
import { openDatabase } from '../apps/server/src/platform/db/client.ts';
import { newId } from '../apps/server/src/platform/ids.ts';
import { createMailer } from '../apps/server/src/platform/mail.ts';
import { DEFAULT_THROTTLE_POLICY } from '../apps/server/src/platform/throttle/throttle.ts';
import { prepareDatabase } from '../apps/server/src/seed/prepare.ts';
import { seedSyntheticContracts } from '../apps/server/src/seed/seed-synthetic.ts';

const PAYMENTS = Number(process.argv[2] ?? 6000);
const CONCURRENCY = Number(process.argv[3] ?? 32);
const PAYERS = 1000;
const BUSINESS_DATE = '2026-11-24';
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `marque_bench_${crypto.randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
// Diagnostic only (BENCH_ASYNC_COMMIT=1): without waiting for WAL flushes, to show how much of a
// payment's time is commits. Never how Marque runs.
if (process.env.BENCH_ASYNC_COMMIT === '1')
  await admin.query(`alter database ${name} set synchronous_commit = off`);
const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 16 });
const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marque-bench-mail-'));
const cipher = createFieldCipher(testFieldKeys());
const now = new Date(`${BUSINESS_DATE}T15:00:00Z`);

/**
 * Drive `requests` through `send` with `concurrency` in flight, from this process with `fetch`
 * (BENCH_CLIENT=fetch: how the first measurements were taken); answers requests per second.
 */
async function driveInProcess(requests: number, concurrency: number, send: (i: number) => Promise<number>) {
  let next = 0;
  const statuses = new Map<number, number>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const status = await send(next++);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: requests / seconds, seconds, statuses };
}

interface LoadResult {
  perSecond: number;
  seconds: number;
  statuses: Map<number, number>;
}

/** Several rounds as one: all requests over all the time. */
function combine(rounds: LoadResult[]): LoadResult {
  const statuses = new Map<number, number>();
  let requests = 0;
  let seconds = 0;
  for (const round of rounds) {
    seconds += round.seconds;
    for (const [status, n] of round.statuses) {
      statuses.set(status, (statuses.get(status) ?? 0) + n);
      requests += n;
    }
  }
  return { perSecond: requests / seconds, seconds, statuses };
}

/**
 * The same, by autocannon in a separate process (load-driver.ts): the default. Asynchronous:
 * the server under test runs in this process's event loop.
 */
async function driveSeparately(config: object): Promise<LoadResult> {
  const file = path.join(mailDir, `load-${crypto.randomBytes(4).toString('hex')}.json`);
  fs.writeFileSync(file, JSON.stringify(config));
  const driver = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load-driver.ts');
  const child = await promisify(execFile)(process.execPath, ['--import', 'tsx', driver, file], {
    encoding: 'utf8',
  });
  const out = JSON.parse(child.stdout) as {
    perSecond: number;
    seconds: number;
    statuses: Record<string, number>;
  };
  return {
    perSecond: out.perSecond,
    seconds: out.seconds,
    statuses: new Map(Object.entries(out.statuses).map(([k, v]) => [Number(k), v])),
  };
}

try {
  await prepareDatabase({ database, cipher, now }, { seedDemo: true });
  await seedSyntheticContracts(database, PAYERS, BUSINESS_DATE);
  // One signed-in customer with a bank account per synthetic contract.
  const passwordHash = await hashPassword('Bench-Password-Not-Used-26');
  const payers = await database.query<{ customer_id: number; contract: string; first_name: string }>(
    `select c.customer_id, c.public_id as contract, cu.first_name from contracts c join customers cu on cu.id = c.customer_id
      where c.account_number like '5%' order by c.id limit ${PAYERS}`,
  );
  const sessionsByContract: { contract: string; cookie: string; method: string }[] = [];
  for (const payer of payers) {
    const [user] = await database.db
      .insert(users)
      .values({
        publicId: newId('usr'),
        email: `payer-${payer.customer_id}@bench.example`,
        passwordHash,
        role: 'customer',
        displayName: payer.first_name,
        customerId: payer.customer_id,
        emailVerifiedAt: now,
      })
      .returning({ id: users.id });
    const token = newSessionToken();
    await database.db.insert(sessions).values({
      publicId: newId('ses'),
      userId: user?.id ?? 0,
      tokenHash: hashSessionToken(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 12 * 3600_000),
      authMethod: 'bench',
      secondFactorAt: now,
    });
    await seedPaymentMethods({ db: database.db, cipher, now }, payer.customer_id, {
      bankAccount: {
        holderName: payer.first_name,
        routingNumber: '064097729',
        accountNumber: `9${payer.customer_id}`.padEnd(10, '7'),
        accountType: 'checking',
      },
    });
    const [method] = await database.query<{ public_id: string }>(
      'select public_id from payment_methods where customer_id = $1',
      [payer.customer_id],
    );
    sessionsByContract.push({
      contract: payer.contract,
      cookie: `marque_session=${token}`,
      method: method?.public_id ?? '',
    });
  }

  const app = await buildApp({
    database,
    clock: fixedClock(() => new Date(), BUSINESS_DATE),
    brand: { brand: DEMO_BRAND, logoSvg: '<svg/>' },
    cipher,
    audit: createAuditLog(),
    mailer: createMailer({ smtpUrl: undefined, mailFrom: 'Bench <bench@marque.test>', dataDir: mailDir }),
    inbox: createNotificationInbox(),
    logLevel: 'warn',
    // Thousands of payments from one IP in a minute: the load generator is not a customer.
    throttle: {
      ...DEFAULT_THROTTLE_POLICY,
      payment: {
        account: { max: 1_000_000, windowMs: 60_000 },
        ip: { max: 1_000_000, windowMs: 60_000 },
        global: { max: 1_000_000, windowMs: 60_000 },
      },
    },
  });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });

  const baseline = Fastify();
  baseline.get('/one-query', async () => (await database.query('select 1 as one'))[0]);
  const baselineOrigin = await baseline.listen({ port: 0, host: '127.0.0.1' });

  const runId = crypto.randomBytes(3).toString('hex');
  const pay = (i: number) => {
    const payer = sessionsByContract[i % sessionsByContract.length];
    if (!payer) throw new Error('no payer');
    return fetch(`${origin}/api/v1/accounts/${payer.contract}/payments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: payer.cookie,
        'idempotency-key': `bench-${runId}-${i}`,
      },
      body: JSON.stringify({ paymentMethodId: payer.method, amount: 1000, currency: 'USD' }),
    }).then(async (r) => {
      await r.arrayBuffer();
      return r.status;
    });
  };
  const hitBaseline = () =>
    fetch(`${baselineOrigin}/one-query`).then(async (r) => {
      await r.arrayBuffer();
      return r.status;
    });

  const inProcess = process.env.BENCH_CLIENT === 'fetch';
  const payerRequests = sessionsByContract.map((p) => ({
    path: `/api/v1/accounts/${p.contract}/payments`,
    cookie: p.cookie,
    body: JSON.stringify({ paymentMethodId: p.method, amount: 1000, currency: 'USD' }),
  }));
  const load = async (kind: 'baseline' | 'pay', amount: number, offset: number): Promise<LoadResult> => {
    if (inProcess)
      return driveInProcess(amount, CONCURRENCY, kind === 'pay' ? (i) => pay(offset + i) : hitBaseline);
    return kind === 'pay'
      ? driveSeparately({
          url: origin,
          amount,
          connections: CONCURRENCY,
          payments: { payers: payerRequests, keyPrefix: `bench-${runId}`, offset },
        })
      : driveSeparately({ url: `${baselineOrigin}/one-query`, amount, connections: CONCURRENCY });
  };

  await load('baseline', 200, 0); // warm-up
  await load('pay', 200, PAYMENTS);
  // Interleaved rounds, so that both sides see the same load from other work on the machine.
  const ROUNDS = 4;
  const share = Math.ceil(PAYMENTS / ROUNDS);
  const baseRounds: LoadResult[] = [];
  const payRounds: LoadResult[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const amount = Math.min(share, PAYMENTS - r * share);
    baseRounds.push(await load('baseline', amount, 0));
    payRounds.push(await load('pay', amount, r * share));
  }
  const base = combine(baseRounds);
  const run = combine(payRounds);
  // Replay a tenth with the same keys: must answer the stored responses, not pay again.
  const replay = await load('pay', Math.floor(PAYMENTS / 10), 0);
  const [counts] = await database.query<{ payments: number; keys: number }>(
    `select (select count(*)::int from payments where amount_cents = 1000) as payments,
            (select count(distinct key)::int from idempotency_keys where key like 'bench-${runId}-%') as keys`,
  );
  const kinds = await database.query<{ kind: string; n: number }>(
    'select kind, count(*)::int as n from journal_entries group by kind order by kind',
  );
  const verdict = await verifyLedger(database);
  await app.close();
  await baseline.close();
  const created = run.statuses.get(201) ?? 0;
  process.stdout.write(
    `payments: ${PAYMENTS} at concurrency ${CONCURRENCY} in ${run.seconds.toFixed(2)} s = ${Math.round(run.perSecond)} payments/s ` +
      `(statuses ${JSON.stringify(Object.fromEntries(run.statuses))}; client ${inProcess ? 'fetch in process' : 'autocannon, own process'})\n` +
      `replayed keys: statuses ${JSON.stringify(Object.fromEntries(replay.statuses))}\n` +
      `baseline one-query Fastify route: ${Math.round(base.perSecond)} requests/s\n` +
      `ratio payments / baseline: ${(run.perSecond / base.perSecond).toFixed(3)}\n` +
      `duplicates: ${(counts?.payments ?? 0) - (counts?.keys ?? 0)} (payments ${counts?.payments}, keys ${counts?.keys}, created ${created})\n` +
      `ledger verify: ${verdict.ok ? 'OK' : 'FAILED'} (${verdict.entries} entries: ${kinds.map((k) => `${k.kind} ${k.n}`).join(', ')}; trial balance ${verdict.trialBalance})\n`,
  );
} finally {
  await database.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  fs.rmSync(mailDir, { recursive: true, force: true });
}
