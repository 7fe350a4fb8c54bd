import type { FieldCipher } from '../../platform/crypto/field-encryption.ts';
import type { Db } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { type BankAccountInput, bankAccountColumns } from './add-bank-account.ts';
import { cardColumns } from './add-card.ts';
import { insertPaymentMethod } from './methods-repo.ts';
import { createSimulatedProcessor } from './processor/sim/simulated-processor.ts';
import { tokenizeCard } from './processor/sim/tokenize.ts';

/**
 * Demo payment methods for one customer, inside the seed's transaction: a bank account, and
 * optionally a test card tokenised by the simulated processor as its card form would (the
 * number goes to the processor only; the method keeps the token). No alerts: nobody acted.
 */
export async function seedPaymentMethods(
  deps: { db: Db; cipher: FieldCipher; now: Date },
  customerId: number,
  methods: { bankAccount?: BankAccountInput; testCard?: string },
): Promise<number> {
  let added = 0;
  const createdAt = deps.now;
  if (methods.bankAccount) {
    await insertPaymentMethod(deps.db, {
      publicId: newId('pm'),
      customerId,
      ...bankAccountColumns(deps, methods.bankAccount),
      createdAt,
    });
    added++;
  }
  if (methods.testCard) {
    const sim = { db: deps.db, cipher: deps.cipher, now: () => deps.now };
    const expYear = deps.now.getUTCFullYear() + 3;
    const { token } = await tokenizeCard(sim, {
      cardNumber: methods.testCard,
      expMonth: 12,
      expYear,
      cvv: '123',
    });
    const processor = createSimulatedProcessor(sim);
    const card = await processor.describeToken(token);
    if (!card) throw new Error('the simulated processor lost a token it just issued');
    await insertPaymentMethod(deps.db, {
      publicId: newId('pm'),
      customerId,
      ...cardColumns(processor.name, token, card),
      createdAt,
    });
    added++;
  }
  return added;
}
