import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../src/platform/mail.ts';
import { DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

let t: TestApp;
let agent: string;
let supervisor: string;
let analyst: string;
let maya: string;

beforeAll(async () => {
  t = await testApp();
  agent = await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD);
  supervisor = await logInAs(t, 'supervisor@solenne.example', DEMO_PASSWORD);
  analyst = await logInAs(t, 'analyst@solenne.example', DEMO_PASSWORD);
  maya = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
  for (let n = 1; n <= 3; n++) {
    await t.mailer.send({
      to: `customer${n}@example.com`,
      subject: `Notice ${n}`,
      text: `Body of notice ${n}.\nSecond line.`,
      category: n === 3 ? 'security_alert' : 'notice',
    });
  }
});
afterAll(async () => t?.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

describe('GET /api/v1/ops/outbox', () => {
  it('lists the .eml messages newest first with recipient, subject, date and category', async () => {
    const response = await get('/api/v1/ops/outbox', agent);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.mode).toBe('files');
    expect(body.nextCursor).toBeNull();
    expect(body.data.map((m: { subject: string }) => m.subject)).toEqual([
      'Notice 3',
      'Notice 2',
      'Notice 1',
    ]);
    expect(body.data[0]).toMatchObject({ to: 'customer3@example.com', category: 'security_alert' });
    expect(body.data[0].id).toMatch(/^\d{8}T\d{9}Z-[0-9a-f]{12}\.eml$/);
    expect(Number.isNaN(Date.parse(body.data[0].date))).toBe(false);
    expect(body.data[0]).not.toHaveProperty('text');
  });

  it('pages with limit and cursor', async () => {
    const first = (await get('/api/v1/ops/outbox?limit=2', supervisor)).json();
    expect(first.data).toHaveLength(2);
    expect(first.nextCursor).toBe(first.data[1].id);
    const second = (await get(`/api/v1/ops/outbox?limit=2&cursor=${first.nextCursor}`, supervisor)).json();
    expect(second.data.map((m: { subject: string }) => m.subject)).toEqual(['Notice 1']);
    expect(second.nextCursor).toBeNull();
  });

  it('is for admins, supervisors and agents (ASVS 8.2.1)', async () => {
    expect((await get('/api/v1/ops/outbox')).statusCode).toBe(401);
    expect((await get('/api/v1/ops/outbox', maya)).statusCode).toBe(403);
    expect((await get('/api/v1/ops/outbox', analyst)).statusCode).toBe(403);
  });

  it('says so, and lists nothing, when mail leaves by SMTP', async () => {
    const smtp = await testApp({
      seed: true,
      mailer: createMailer({
        smtpUrl: 'smtp://127.0.0.1:1',
        mailFrom: 'no-reply@marque.test',
        dataDir: '/x',
      }),
    });
    try {
      const cookie = await logInAs(smtp, 'agent@solenne.example', DEMO_PASSWORD);
      const response = await smtp.app.inject({
        method: 'GET',
        url: '/api/v1/ops/outbox',
        headers: { cookie },
      });
      expect(response.json()).toEqual({
        mode: 'smtp',
        data: [],
        nextCursor: null,
        queue: { queued: 0, sent: 0, failed: 0 },
      });
    } finally {
      await smtp.close();
    }
  });
});

describe('GET /api/v1/ops/outbox/{messageId}', () => {
  it('returns the text body, and the read is in the audit log', async () => {
    const [latest] = (await get('/api/v1/ops/outbox', agent)).json().data;
    const response = await get(`/api/v1/ops/outbox/${latest.id}`, agent);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: latest.id,
      subject: 'Notice 3',
      to: 'customer3@example.com',
      category: 'security_alert',
    });
    expect(response.json().text.trim()).toBe('Body of notice 3.\nSecond line.');
    const [event] = await t.db.database.query<{ action: string; details: Record<string, unknown> }>(
      "select action, details from audit_events where action = 'mail.outbox.read' order by id desc limit 1",
    );
    expect(event?.details).toEqual({ messageId: latest.id, category: 'security_alert' });
  });

  it('rejects path traversal and unknown IDs without touching other files', async () => {
    const keys = path.join(path.dirname(t.mailer.outboxDir ?? ''), 'keys.json');
    fs.writeFileSync(keys, '{"secret":"do-not-serve"}');
    for (const id of [
      '..%2Fkeys.json',
      '..%2F..%2F..%2Fetc%2Fpasswd',
      '%2Fetc%2Fpasswd',
      '20261124T150000123Z-a1b2c3d4e5f6.eml%00.txt',
      '20261124T150000123Z-a1b2c3d4e5f6.eml%2F..%2F..%2Fkeys.json',
      '..',
      'keys.json',
    ]) {
      const response = await get(`/api/v1/ops/outbox/${id}`, agent);
      expect([400, 404], id).toContain(response.statusCode);
      expect(response.body, id).not.toContain('do-not-serve');
    }
    const missing = await get('/api/v1/ops/outbox/20261124T150000123Z-a1b2c3d4e5f6.eml', agent);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
  });
});

describe('POST /api/v1/ops/outbox/requeue', () => {
  it('queues the given-up mail again for supervisors (audited), and the relay sends it at once', async () => {
    await t.db.database.query(
      `insert into mail_outbox (to_address, subject, text, category, created_at, available_at, attempts, failed_at, last_error)
       values ('customer9@example.com', 'Given up', 'Body', 'notice', now(), now(), 8, now(), 'connection refused')`,
    );
    const post = (cookie: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/ops/outbox/requeue', headers: { cookie } });
    const queue = async () => (await get('/api/v1/ops/outbox', agent)).json().queue;
    expect((await queue()).failed).toBe(1);
    expect((await post(agent)).statusCode).toBe(403);
    expect((await post(analyst)).statusCode).toBe(403);
    expect((await queue()).failed).toBe(1);

    const sentBefore = t.mailer.messages.length;
    const done = await post(supervisor);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ requeued: 1 });
    expect(t.audit.of('mail.requeue').at(-1)?.details).toEqual({ requeued: 1 });
    // The request queued mail, so it relayed before answering.
    expect(t.mailer.messages.slice(sentBefore).map((m) => m.subject)).toEqual(['Given up']);
    expect(await queue()).toMatchObject({ failed: 0, queued: 0 });
    expect((await post(supervisor)).json()).toEqual({ requeued: 0 });
  });
});
