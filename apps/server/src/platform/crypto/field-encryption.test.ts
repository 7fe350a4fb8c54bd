import { describe, expect, it } from 'vitest';
import { createFieldCipher, DecryptionError } from './field-encryption.ts';
import { testFieldKeys } from './keys.ts';

const cipher = createFieldCipher(testFieldKeys());

describe('field encryption (ASVS 11.3.2/11.3.3)', () => {
  it('round-trips a value and never produces the plaintext or the same ciphertext twice', () => {
    const a = cipher.encrypt('219099999', 'customers.ssn');
    const b = cipher.encrypt('219099999', 'customers.ssn');
    expect(a).not.toContain('219099999');
    expect(a).not.toBe(b);
    expect(a.startsWith('v1.test1.')).toBe(true);
    expect(cipher.decrypt(a, 'customers.ssn')).toBe('219099999');
  });

  it('fails to decrypt tampered ciphertext', () => {
    const envelope = cipher.encrypt('1990-07-04', 'customers.dob');
    const parts = envelope.split('.');
    const ct = Buffer.from(parts[4] ?? '', 'base64url');
    ct[0] = (ct[0] ?? 0) ^ 1;
    parts[4] = ct.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'customers.dob')).toThrow(DecryptionError);
  });

  it('binds a ciphertext to its column: moved to another column it does not decrypt', () => {
    const envelope = cipher.encrypt('219099999', 'customers.ssn');
    expect(() => cipher.decrypt(envelope, 'customers.dob')).toThrow(DecryptionError);
  });

  it('decrypts values written under an older key after rotation', () => {
    const keys = testFieldKeys();
    const old = cipher.encrypt('secret', 'x');
    const rotated = createFieldCipher({
      currentKeyId: 'k2',
      keys: new Map([...keys.keys, ['k2', Buffer.alloc(32, 3)]]),
      blindIndexKey: keys.blindIndexKey,
    });
    expect(rotated.decrypt(old, 'x')).toBe('secret');
    expect(rotated.encrypt('secret', 'x').split('.')[1]).toBe('k2');
  });

  it('gives a stable, keyed blind index that does not reveal the value', () => {
    expect(cipher.blindIndex('219099999', 'ssn')).toBe(cipher.blindIndex(' 219099999 ', 'ssn'));
    expect(cipher.blindIndex('219099999', 'ssn')).not.toBe(cipher.blindIndex('219099999', 'ssn_last4'));
    const otherKey = createFieldCipher({ ...testFieldKeys(), blindIndexKey: Buffer.alloc(32, 5) });
    expect(otherKey.blindIndex('219099999', 'ssn')).not.toBe(cipher.blindIndex('219099999', 'ssn'));
  });
});
