import crypto from 'node:crypto';

/**
 * Field-level encryption for PII (SSN, date of birth, bank account numbers, TOTP seeds).
 * AES-256-GCM with a fresh 96-bit IV per value; the key id travels beside the ciphertext so
 * keys can rotate: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 * `aad` binds a ciphertext to its column, so a value copied into another column fails to decrypt.
 *
 * The blind index is a keyed HMAC-SHA256 of a normalised value: equal inputs give equal
 * indexes (for exact-match lookups) without the database ever holding the value.
 */
export interface FieldKeys {
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
  blindIndexKey: Buffer;
}

export class DecryptionError extends Error {
  constructor(reason: string) {
    super(`Could not decrypt field: ${reason}`);
    this.name = 'DecryptionError';
  }
}

export interface FieldCipher {
  encrypt(plaintext: string, aad: string): string;
  decrypt(envelope: string, aad: string): string;
  blindIndex(value: string, purpose: string): string;
}

export function createFieldCipher(keys: FieldKeys): FieldCipher {
  const current = keys.keys.get(keys.currentKeyId);
  if (current?.length !== 32) throw new Error('The current encryption key must be 32 bytes');
  if (keys.blindIndexKey.length !== 32) throw new Error('The blind index key must be 32 bytes');
  return {
    encrypt(plaintext, aad) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(aad));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        'v1',
        keys.currentKeyId,
        iv.toString('base64url'),
        tag.toString('base64url'),
        ct.toString('base64url'),
      ].join('.');
    },
    decrypt(envelope, aad) {
      const [version, keyId, iv, tag, ct] = envelope.split('.');
      if (version !== 'v1' || !keyId || !iv || !tag || ct === undefined)
        throw new DecryptionError('malformed value');
      const key = keys.keys.get(keyId);
      if (!key) throw new DecryptionError(`unknown key id ${keyId}`);
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(aad));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new DecryptionError('authentication failed (tampered value or wrong key)');
      }
    },
    blindIndex(value, purpose) {
      return crypto
        .createHmac('sha256', keys.blindIndexKey)
        .update(`${purpose}\u0000${value.normalize('NFKC').trim().toLowerCase()}`)
        .digest('base64url');
    },
  };
}
