import type { IdentityVerificationRequest } from '@marque/contracts';
import type { FieldCipher } from '../../platform/crypto/field-encryption.ts';
import type { Db } from '../../platform/db/client.ts';
import { findCandidateByContract, findCandidateBySsn, type IdentityCandidate } from './repo.ts';

const DOB_AAD = 'customers.dob';

/** Names compare without case, accents, spaces or punctuation ("O'Neil" = "oneil"). */
function normaliseName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export type IdentityMatcher = (db: Db, claim: IdentityVerificationRequest) => Promise<number | null>;

/**
 * Matches a claimed identity against the lender's records: the customer's id, or null.
 *
 * Every claim costs the same work whether or not a record exists and whichever part is wrong
 * (ASVS 6.3.8): one blind index, one indexed query, one DOB decryption (of a stand-in
 * ciphertext when no record was found) and every comparison, without early exits.
 */
export function createIdentityMatcher(cipher: FieldCipher): IdentityMatcher {
  const standIn = cipher.encrypt('0000-00-00', DOB_AAD);
  return async (db, claim) => {
    let candidate: IdentityCandidate | undefined;
    if (claim.ssn) {
      candidate = await findCandidateBySsn(db, cipher.blindIndex(claim.ssn, 'ssn'));
    } else {
      candidate = await findCandidateByContract(db, cipher.blindIndex(claim.ssnLast4 ?? '', 'ssn_last4'), {
        accountNumber: claim.accountNumber ?? null,
        vin: claim.vin ?? null,
      });
    }
    const dob = cipher.decrypt(candidate?.dobEnc ?? standIn, DOB_AAD);
    const checks = [
      candidate !== undefined,
      normaliseName(candidate?.firstName ?? '') === normaliseName(claim.firstName),
      normaliseName(candidate?.lastName ?? '') === normaliseName(claim.lastName),
      (candidate?.postalCode ?? '').slice(0, 5) === claim.zip.slice(0, 5),
      dob === claim.dateOfBirth,
    ];
    return checks.every(Boolean) && candidate ? candidate.id : null;
  };
}
