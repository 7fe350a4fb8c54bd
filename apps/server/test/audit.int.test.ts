import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH, isSecretKey } from '../src/modules/audit/chain.ts';
import { auditEvents, createAuditLog, verifyAuditChain } from '../src/modules/audit/index.ts';
import { type Database, openDatabase } from '../src/platform/db/client.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { inTransaction } from '../src/platform/db/tx.ts';
import type { AuditEvent } from '../src/platform/ports.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

// Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
const kind = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

interface Row {
  id: number;
  action: string;
  prev_hash: string;
  hash: string;
  user_agent: string | null;
  details: Record<string, unknown>;
}

const audit = createAuditLog({ now: () => new Date('2026-11-24T15:00:00.123Z') });
const event = (n: number, extra: Partial<AuditEvent> = {}): AuditEvent => ({
  action: 'auth.login',
  outcome: n % 2 ? 'success' : 'failure',
  actorUserId: n,
  ip: '203.0.113.7',
  userAgent: 'vitest',
  requestId: `req-${n}`,
  details: { attempt: n },
  ...extra,
});

async function migrated(): Promise<TestDatabase> {
  const t = await freshDatabase();
  await migrateDatabase(t.database);
  return t;
}

const rows = (database: Database) =>
  database.query<Row>(
    'select id, action, prev_hash, hash, user_agent, details from audit_events order by id',
  );

/** What a superuser with direct database access could do: switch the guard off, edit, switch it on. */
async function tamper(database: Database, statement: string, params: unknown[] = []): Promise<void> {
  await database.exec('alter table audit_events disable trigger audit_events_no_update_delete');
  await database.query(statement, params);
  await database.exec('alter table audit_events enable trigger audit_events_no_update_delete');
}

describe(`audit log (${kind})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await migrated();
  });
  afterAll(async () => t?.drop());

  it('chains each event to the one before it, from a genesis hash', async () => {
    for (let n = 1; n <= 5; n++) await audit.record(t.database.db, event(n));
    const stored = await rows(t.database);
    expect(stored).toHaveLength(5);
    expect(stored[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < stored.length; i++) expect(stored[i]?.prev_hash).toBe(stored[i - 1]?.hash);
    expect(new Set(stored.map((r) => r.hash)).size).toBe(5);
    expect(await verifyAuditChain({ db: t.database.db })).toMatchObject({ ok: true, events: 5 });
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await expect(t.database.query("update audit_events set action = 'auth.logout'")).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.query('delete from audit_events')).rejects.toThrow(/append-only/);
    await expect(t.database.query('truncate audit_events')).rejects.toThrow(/append-only/);
    expect(await rows(t.database)).toHaveLength(5);
  });

  it('never stores secrets: detail keys named like passwords, codes, tokens or SSNs are dropped', async () => {
    await audit.record(t.database.db, {
      action: 'auth.mfa.totp',
      outcome: 'failure',
      details: {
        password: 'canary-Password-1',
        newPassword: 'x',
        totpCode: '123456',
        resetToken: 'abc',
        client_secret: 's',
        ssnLast4: '9999',
        reason: 'wrong_code',
        attempts: 3,
      },
    });
    const last = (await rows(t.database)).at(-1);
    expect(last?.details).toEqual({
      reason: 'wrong_code',
      attempts: 3,
      redactedKeys: 'client_secret,newPassword,password,resetToken,ssnLast4,totpCode',
    });
    expect(JSON.stringify(last)).not.toContain('canary-Password-1');
    for (const key of ['pin', 'otp', 'code', 'recovery_code', 'accountNumber', 'dateOfBirth', 'api-token'])
      expect(isSecretKey(key), key).toBe(true);
    for (const key of ['reason', 'route', 'method', 'role', 'attempts', 'messageId', 'category'])
      expect(isSecretKey(key), key).toBe(false);
  });

  it('stores control characters as data (NUL, which PostgreSQL cannot hold, becomes U+FFFD)', async () => {
    const userAgent = 'evil\r\n{"forged":"line"}\u0007\u0000end';
    await audit.record(t.database.db, event(6, { userAgent, details: { note: 'a\nb\u0000' } }));
    const last = (await rows(t.database)).at(-1);
    expect(last?.user_agent).toBe('evil\r\n{"forged":"line"}\u0007\uFFFDend');
    expect(last?.details).toEqual({ note: 'a\nb\uFFFD' });
    expect((await verifyAuditChain({ db: t.database.db })).ok).toBe(true);
  });

  it('refuses a malformed action name', async () => {
    await expect(audit.record(t.database.db, event(1, { action: 'Login Failed' }))).rejects.toThrow(/dotted/);
  });

  it("writes inside the caller's transaction: rolled back with it, and the chain stays whole", async () => {
    const before = (await rows(t.database)).length;
    await expect(
      inTransaction(t.database.db, async (tx) => {
        await audit.record(tx, event(7));
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    expect(await rows(t.database)).toHaveLength(before);
    await audit.record(t.database.db, event(8));
    expect(await verifyAuditChain({ db: t.database.db })).toMatchObject({ ok: true, events: before + 1 });
  });

  it('never forks under concurrent writers (and, on PostgreSQL, a second process)', async () => {
    const before = (await rows(t.database)).length;
    // On PostgreSQL a second pool is another "server process" on the same database.
    const other = t.url ? await openDatabase({ kind: 'postgres', url: t.url, poolSize: 5 }) : null;
    try {
      const writers = Array.from({ length: 40 }, (_, n) => {
        const db = other && n % 2 ? other.db : t.database.db;
        return n % 3
          ? audit.record(db, event(100 + n))
          : inTransaction(db, async (tx) => {
              await audit.record(tx, event(100 + n));
              await audit.record(tx, event(200 + n, { action: 'auth.session.created' }));
            });
      });
      await Promise.all(writers);
    } finally {
      await other?.close();
    }
    const stored = await rows(t.database);
    expect(stored).toHaveLength(before + 40 + 14);
    expect(new Set(stored.map((r) => r.prev_hash)).size).toBe(stored.length);
    expect(await verifyAuditChain({ db: t.database.db }, { batchSize: 7 })).toMatchObject({
      ok: true,
      events: stored.length,
    });
  });
});

describe(`marque audit verify finds tampering (${kind})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await migrated();
    for (let n = 1; n <= 6; n++) await audit.record(t.database.db, event(n));
  });
  afterAll(async () => t?.drop());

  it('an edited row: reports exactly that event id, then the intact events before it', async () => {
    const [, , third] = await rows(t.database);
    await tamper(t.database, 'update audit_events set details = $1 where id = $2', [
      JSON.stringify({ attempt: 99 }),
      third?.id,
    ]);
    const verdict = await verifyAuditChain({ db: t.database.db });
    expect(verdict).toMatchObject({ ok: false, brokenAtId: third?.id, events: 2 });
    expect(verdict.ok ? '' : verdict.reason).toContain('edited');
  });

  it("a forger who recomputes the edited row's hash is caught at the next event", async () => {
    const t2 = await migrated();
    try {
      for (let n = 1; n <= 4; n++) await audit.record(t2.database.db, event(n));
      const stored = await t2.database.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
      const second = stored[1];
      const third = stored[2];
      if (!second || !third) throw new Error('expected four events');
      const forged = { ...second, action: 'auth.logout' };
      const forgedHash = chainHash(forged, second.prevHash);
      await tamper(t2.database, "update audit_events set action = 'auth.logout', hash = $1 where id = $2", [
        forgedHash,
        second.id,
      ]);
      const verdict = await verifyAuditChain({ db: t2.database.db });
      expect(verdict).toMatchObject({ ok: false, brokenAtId: third.id, events: 2 });
      expect(verdict.ok ? '' : verdict.reason).toContain(`event id ${second.id}`);
    } finally {
      await t2.drop();
    }
  });

  it('a deleted row: reports the event after the gap', async () => {
    const t3 = await migrated();
    try {
      for (let n = 1; n <= 4; n++) await audit.record(t3.database.db, event(n));
      const [, second, third] = await rows(t3.database);
      await tamper(t3.database, 'delete from audit_events where id = $1', [second?.id]);
      const verdict = await verifyAuditChain({ db: t3.database.db });
      expect(verdict).toMatchObject({ ok: false, brokenAtId: third?.id, events: 1 });
      expect(verdict.ok ? '' : verdict.reason).toContain('prev_hash');
    } finally {
      await t3.drop();
    }
  });
});
