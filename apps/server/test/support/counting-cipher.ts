import type { FieldCipher } from '../../src/platform/crypto/field-encryption.ts';

export interface CipherWork {
  blindIndex: number;
  decrypt: number;
  encrypt: number;
}

/**
 * A field cipher that counts its work, so a test can prove that two paths of a request (a match
 * and a miss) do the same cryptographic work (ASVS 6.3.8). Reset `work` before each request.
 */
export function countingCipher(): { work: CipherWork; wrap: (cipher: FieldCipher) => FieldCipher } {
  const work: CipherWork = { blindIndex: 0, decrypt: 0, encrypt: 0 };
  return {
    work,
    wrap: (cipher) => ({
      encrypt: (v, aad) => {
        work.encrypt++;
        return cipher.encrypt(v, aad);
      },
      decrypt: (v, aad) => {
        work.decrypt++;
        return cipher.decrypt(v, aad);
      },
      blindIndex: (v, purpose) => {
        work.blindIndex++;
        return cipher.blindIndex(v, purpose);
      },
    }),
  };
}
