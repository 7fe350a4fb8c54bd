import { z } from 'zod';
import { page } from './common.ts';

// ---- Payment methods -----------------------------------------------------------------------

export const PaymentMethodType = z.enum(['bank_account', 'card']);
export type PaymentMethodType = z.infer<typeof PaymentMethodType>;
export const BankAccountType = z.enum(['checking', 'savings']);
export type BankAccountType = z.infer<typeof BankAccountType>;
export const CardBrand = z.enum(['visa', 'mastercard', 'amex', 'discover', 'unknown']);
export type CardBrand = z.infer<typeof CardBrand>;

/** Most payment methods a customer may keep at once. */
export const MAX_PAYMENT_METHODS = 10;

/** Digits typed by a person: spaces and dashes are tolerated and dropped. */
const typedDigits = (pattern: RegExp, message: string) =>
  z
    .string()
    .max(40, message)
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(pattern, message));

const Nickname = z
  .string()
  .trim()
  .max(40, 'Nicknames are at most 40 characters')
  .transform((v) => v || undefined)
  .optional()
  .describe('A name the customer chooses, e.g. "Joint checking"');

/**
 * A bank account for ACH debits. The routing number must also pass the ABA check digit (the
 * server answers `invalid_routing_number` on the `routingNumber` field). Unknown fields are
 * refused, not dropped: a card number has no place in this API (PCI SAQ A).
 */
export const AddBankAccountRequest = z
  .strictObject({
    type: z.literal('bank_account'),
    holderName: z
      .string()
      .trim()
      .min(1, 'Enter the name on the account')
      .max(100, 'Names are at most 100 characters'),
    routingNumber: typedDigits(/^\d{9}$/, 'Enter the 9-digit routing number'),
    accountNumber: typedDigits(/^\d{4,17}$/, 'Enter the account number: 4 to 17 digits'),
    accountType: BankAccountType,
    nickname: Nickname,
  })
  .meta({ id: 'AddBankAccountRequest' });
export type AddBankAccountRequest = z.input<typeof AddBankAccountRequest>;

/**
 * A debit card, as the token the card processor's own form returned. The card number never
 * comes here: brand, last 4 and expiry are asked of the processor, never taken from the client.
 */
export const AddCardRequest = z
  .strictObject({
    type: z.literal('card'),
    token: z
      .string()
      .regex(/^(?=[0-9A-Za-z_]*[A-Za-z_])[0-9A-Za-z_]{8,128}$/, 'Not a card token')
      .describe("The processor's token for the card, from its hosted card form"),
    nickname: Nickname,
  })
  .meta({ id: 'AddCardRequest' });
export type AddCardRequest = z.input<typeof AddCardRequest>;

export const AddPaymentMethodRequest = z
  .discriminatedUnion('type', [AddBankAccountRequest, AddCardRequest])
  .meta({ id: 'AddPaymentMethodRequest' });
export type AddPaymentMethodRequest = z.input<typeof AddPaymentMethodRequest>;

const methodBase = {
  id: z.string().describe('Opaque payment method ID, pm_...'),
  nickname: z.string().nullable(),
  createdAt: z.string(),
};

export const BankAccountMethod = z
  .object({
    ...methodBase,
    type: z.literal('bank_account'),
    bankAccount: z.object({
      holderName: z.string(),
      bankName: z.string().nullable().describe('From the routing directory, when known'),
      routingNumber: z.string(),
      accountType: BankAccountType,
      last4: z.string().describe('Last 4 digits of the account number; the rest is never shown'),
    }),
  })
  .meta({ id: 'BankAccountMethod' });

export const CardMethod = z
  .object({
    ...methodBase,
    type: z.literal('card'),
    card: z.object({
      brand: CardBrand,
      last4: z.string(),
      expMonth: z.number().int().min(1).max(12),
      expYear: z.number().int(),
      expired: z.boolean(),
    }),
  })
  .meta({ id: 'CardMethod' });

export const PaymentMethod = z
  .discriminatedUnion('type', [BankAccountMethod, CardMethod])
  .meta({ id: 'PaymentMethod' });
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const PaymentMethodList = page(PaymentMethod).meta({ id: 'PaymentMethodList' });
export type PaymentMethodList = z.infer<typeof PaymentMethodList>;

export const PaymentMethodIdParams = z.object({
  paymentMethodId: z.string().regex(/^pm_[0-9A-Za-z]{16,32}$/, 'Unknown payment method'),
});

/** Where the browser loads the card processor's hosted form (in an iframe). */
export const CardFormInfo = z
  .object({
    processor: z.string().describe('Which processor adapter is configured, e.g. simulated'),
    url: z.string().describe('The hosted card form; relative to this origin or absolute'),
  })
  .meta({ id: 'CardFormInfo' });
export type CardFormInfo = z.infer<typeof CardFormInfo>;

/** What the processor's card form posts to its parent window once the card is tokenised. */
export const CardFormMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('marque.card-form.token'), token: z.string() }),
  z.object({ type: z.literal('marque.card-form.resize'), height: z.number() }),
]);
export type CardFormMessage = z.infer<typeof CardFormMessage>;
