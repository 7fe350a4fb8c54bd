import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshConfirmationNumbers } from '../src/modules/payments/confirmation-number.ts';
import { insertPayment } from '../src/modules/payments/insert-payment.ts';
import { createFieldCipher } from '../src/platform/crypto/field-encryption.ts';
import { testFieldKeys } from '../src/platform/crypto/keys.ts';
import type { Database } from '../src/platform/db/client.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { freshDatabase, type TestDatabase } from './support/database.ts';

/**
 * Confirmation numbers for a batch of drafts (the close of business draws tens of thousands a
 * day from 9 × 10^8): distinct among themselves and never one the table already holds.
 */
let t: TestDatabase;
let database: Database;

beforeAll(async () => {
  t = await freshDatabase();
  database = t.database;
  await prepareDatabase(
    { database, cipher: createFieldCipher(testFieldKeys()), now: new Date('2026-11-24T15:00:00Z') },
    { seedDemo: true },
  );
  // One payment on file, made the ordinary way, whose number a batch must not reuse.
  const [method] = await database.query<{
    id: number;
    public_id: string;
    customer_id: number;
    contract_id: number;
  }>(
    `select m.id, m.public_id, m.customer_id, c.id as contract_id
       from payment_methods m join contracts c on c.customer_id = m.customer_id
      where m.kind = 'bank_account' and c.status = 'active' order by m.id limit 1`,
  );
  if (!method) throw new Error('no demo bank account');
  await insertPayment(database.db, {
    contractId: method.contract_id,
    customerId: method.customer_id,
    method: { id: method.id, publicId: method.public_id, type: 'bank_account', label: 'Checking ••••1234' },
    amountCents: 10_000,
    principalOnly: false,
    channel: 'web',
    scheduledFor: '2026-11-30',
    createdByUserId: null,
    now: new Date('2026-11-24T15:00:00Z'),
  });
});
afterAll(() => t.drop());

describe('freshConfirmationNumbers', () => {
  it('skips numbers already used and duplicates within the batch', async () => {
    const [used] = await database.query<{ confirmation_number: string }>(
      'select confirmation_number from payments order by id limit 1',
    );
    expect(used?.confirmation_number).toMatch(/^P\d{12}$/);
    const taken = used?.confirmation_number as string;
    // A draw that repeats itself and offers the used number first.
    const script = [taken, 'P1000000008', 'P1000000008', taken, 'P1000000016', 'P1000000024'];
    let i = 0;
    const draw = () => script[i++ % script.length] as string;
    const numbers = await freshConfirmationNumbers(database.db, 3, draw);
    expect(numbers).toEqual(['P1000000008', 'P1000000016', 'P1000000024']);
  });

  it('refuses rather than hand out fewer numbers than asked', async () => {
    const [used] = await database.query<{ confirmation_number: string }>(
      'select confirmation_number from payments order by id limit 1',
    );
    await expect(
      freshConfirmationNumbers(database.db, 2, () => used?.confirmation_number as string),
    ).rejects.toThrow(/enough unused confirmation numbers/);
  });

  it('draws thousands of distinct numbers', async () => {
    const numbers = await freshConfirmationNumbers(database.db, 5000);
    expect(new Set(numbers).size).toBe(5000);
  });
});
