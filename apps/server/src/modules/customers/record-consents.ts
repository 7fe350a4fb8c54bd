import type { Db } from '../../platform/db/client.ts';
import { insertConsents } from './repo.ts';

/** Versions of the texts the customer agreed to; a new text gets a new version. */
export const ESIGN_DISCLOSURE_VERSION = '2026-01';
export const PRIVACY_NOTICE_VERSION = '2026-01';

/** Records the E-SIGN consent and the receipt of the GLBA privacy notice, with when and from where. */
export async function recordRegistrationConsents(
  db: Db,
  customerId: number,
  at: Date,
  from: { ip: string | null; userAgent: string | null },
): Promise<void> {
  await insertConsents(db, [
    { customerId, kind: 'esign', version: ESIGN_DISCLOSURE_VERSION, acceptedAt: at, ...from },
    { customerId, kind: 'privacy_notice', version: PRIVACY_NOTICE_VERSION, acceptedAt: at, ...from },
  ]);
}

/** Records a fresh E-SIGN consent (e.g. when going paperless), with when and from where. */
export async function recordEsignConsent(
  db: Db,
  customerId: number,
  at: Date,
  from: { ip: string | null; userAgent: string | null },
): Promise<void> {
  await insertConsents(db, [
    { customerId, kind: 'esign', version: ESIGN_DISCLOSURE_VERSION, acceptedAt: at, ...from },
  ]);
}
