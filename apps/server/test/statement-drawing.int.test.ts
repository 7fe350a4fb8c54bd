import crypto from 'node:crypto';
import { addDays } from '@marque/finance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawAllDocuments, generateStatements } from '../src/modules/documents/index.ts';
import { pdfText } from '../src/modules/documents/pdf/inspect-pdf.ts';
import type { StatementCut } from '../src/modules/documents/statements/cut-statements.ts';
import { renderStatement } from '../src/modules/documents/statements/render-statement.ts';
import { DEMO_BRAND } from '../src/platform/brand.ts';
import { BUSINESS_DATE, DEMO_PASSWORD, logInAs, type TestApp, testApp } from './support/app.ts';

/**
 * Statements are cut in the close of business and drawn afterwards (ADR 0012): the document
 * centre never shows a statement without its PDF, whoever draws it first, and it is drawn once.
 */
let t: TestApp;
let maya: string;
const brand = { brand: DEMO_BRAND, logoSvg: '<svg/>' };

const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

interface Row {
  id: number;
  public_id: string;
  customer_id: number;
  first_name: string;
  content: Buffer | null;
  size_bytes: number | null;
  sha256: string | null;
  render_input: StatementCut;
}
const statementsOfCycle = (due: string) =>
  t.db.database.query<Row>(
    `select d.id, d.public_id, d.customer_id, cu.first_name, d.content, d.size_bytes, d.sha256, d.render_input
       from documents d join customers cu on cu.id = d.customer_id
      where d.kind = 'statement' and d.cycle_key = $1 order by d.id`,
    [due],
  );

/** Cuts a statement for every active demo contract, as a close of business on `date` would. */
async function cutEveryone(date: string): Promise<string> {
  const due = addDays(date, 20);
  await t.db.database.query(`update contracts set next_due_date = $1 where status = 'active'`, [due]);
  const run = await generateStatements(
    t.db.database.db,
    { businessDate: date, fromContractId: 1, toContractId: Number.MAX_SAFE_INTEGER },
    { brand, inbox: t.inbox, now: () => t.now() },
  );
  expect(run.generated).toBeGreaterThanOrEqual(3);
  return due;
}

beforeAll(async () => {
  t = await testApp();
  maya = await logInAs(t, 'maya.thompson@example.com', DEMO_PASSWORD);
});
afterAll(async () => t?.close());

describe('statements cut now, drawn later', () => {
  it("the document centre draws the signed-in customer's own statements before listing them, no one else's", async () => {
    const due = await cutEveryone(addDays(BUSINESS_DATE, 40));
    const cut = await statementsOfCycle(due);
    expect(cut.every((d) => d.content === null && d.sha256 === null && d.size_bytes === null)).toBe(true);

    const list = (await get('/api/v1/documents?kind=statement', maya)).json();
    const after = await statementsOfCycle(due);
    const mayas = after.filter((d) => d.first_name === 'Maya');
    expect(mayas.length).toBeGreaterThan(0);
    for (const d of mayas) {
      const bytes = Buffer.from(d.content ?? []);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(d.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
      expect(list.data.find((l: { id: string }) => l.id === d.public_id)?.sizeBytes).toBe(d.size_bytes);
    }
    expect(after.filter((d) => d.first_name !== 'Maya').every((d) => d.content === null)).toBe(true);
  });

  it('serves a statement the drawer has not reached, drawn from the figures cut in the close', async () => {
    const due = await cutEveryone(addDays(BUSINESS_DATE, 70));
    const [doc] = (await statementsOfCycle(due)).filter((d) => d.first_name === 'Maya');
    if (!doc) throw new Error('no statement cut for Maya');
    expect(doc.content).toBeNull();
    const file = await get(`/api/v1/documents/${doc.public_id}/file`, maya);
    expect(file.statusCode).toBe(200);
    const sha = crypto.createHash('sha256').update(file.rawPayload).digest('hex');
    expect(file.headers.digest).toBe(`sha-256=${Buffer.from(sha, 'hex').toString('base64')}`);
    const text = pdfText(new Uint8Array(file.rawPayload));
    expect(text).toContain('Monthly statement');
    expect(text).toContain(doc.render_input.accountNumber);
    // Drawn from the stored figures alone: drawing them again gives the same bytes.
    const again = Buffer.from(await renderStatement({ ...doc.render_input, brand }));
    expect(crypto.createHash('sha256').update(again).digest('hex')).toBe(sha);
  });

  it('two drawers at once draw every statement exactly once', async () => {
    await cutEveryone(addDays(BUSINESS_DATE, 100));
    const pendingNow = async () =>
      (
        await t.db.database.query<{ n: number }>(
          'select count(*)::int as n from documents where content is null',
        )
      )[0]?.n;
    const pending = await pendingNow();
    expect(pending).toBeGreaterThanOrEqual(3);
    // The ops close-of-business page says how many wait for their PDFs.
    const agent = await logInAs(t, 'agent@solenne.example', DEMO_PASSWORD);
    const toDraw = async () =>
      (await get('/api/v1/ops/cob', agent)).json<{ statementsToDraw: number }>().statementsToDraw;
    expect(await toDraw()).toBe(pending);
    const drawn = await Promise.all([
      drawAllDocuments(t.db.database.db, brand, { batch: 2 }),
      drawAllDocuments(t.db.database.db, brand, { batch: 2 }),
    ]);
    // A document drawn by both would count twice: the two counts add up to what was pending.
    expect(drawn[0] + drawn[1]).toBe(pending);
    expect(await pendingNow()).toBe(0);
    expect(await toDraw()).toBe(0);
    expect(await drawAllDocuments(t.db.database.db, brand)).toBe(0);
  });
});
