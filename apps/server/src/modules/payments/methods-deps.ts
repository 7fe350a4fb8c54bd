import type { FieldCipher } from '../../platform/crypto/field-encryption.ts';
import type { Db } from '../../platform/db/client.ts';
import type { AuditLog, Mailer, NotificationInbox } from '../../platform/ports.ts';
import type { CardProcessor } from './processor/card-processor.ts';

/** What the payment-method use cases need; built once in app.ts. */
export interface PaymentMethodDeps {
  db: Db;
  now: () => Date;
  cipher: FieldCipher;
  audit: AuditLog;
  mailer: Mailer;
  inbox: NotificationInbox;
  processor: CardProcessor;
  brandName: string;
  /**
   * Why a method cannot be removed now (autopay or a scheduled payment uses it), as a problem
   * code; null when it can go. Payments plugs its own check in here.
   */
  blockRemoval?: (db: Db, paymentMethodId: number) => Promise<string | null>;
}

/** AAD and blind-index purpose of the encrypted bank account number. */
export const ACCOUNT_NUMBER_AAD = 'payment_methods.account_number';
