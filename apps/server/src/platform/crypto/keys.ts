import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { FieldKeys } from './field-encryption.ts';

interface KeyFile {
  currentKeyId: string;
  keys: Record<string, string>;
  blindIndexKey: string;
}

/**
 * Keys come from configuration in production. On an embedded (development/demo) install they
 * are generated into DATA_DIR/keys.json on first start, readable only by the owner, so a
 * newcomer needs nothing. Losing that file makes encrypted fields unreadable: back it up with
 * the data.
 */
export function loadFieldKeys(config: Pick<Config, 'encryption' | 'dataDir'>): FieldKeys {
  if (config.encryption.source === 'env') {
    return {
      currentKeyId: config.encryption.keyId,
      keys: new Map([[config.encryption.keyId, config.encryption.key]]),
      blindIndexKey: config.encryption.blindIndexKey,
    };
  }
  const file = path.join(config.dataDir, 'keys.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const generated: KeyFile = {
      currentKeyId: 'local1',
      keys: { local1: crypto.randomBytes(32).toString('base64') },
      blindIndexKey: crypto.randomBytes(32).toString('base64'),
    };
    fs.writeFileSync(file, `${JSON.stringify(generated, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  return {
    currentKeyId: stored.currentKeyId,
    keys: new Map(Object.entries(stored.keys).map(([id, k]) => [id, Buffer.from(k, 'base64')])),
    blindIndexKey: Buffer.from(stored.blindIndexKey, 'base64'),
  };
}

/** Fixed keys for tests: deterministic, never used outside them. */
export function testFieldKeys(): FieldKeys {
  return {
    currentKeyId: 'test1',
    keys: new Map([['test1', Buffer.alloc(32, 7)]]),
    blindIndexKey: Buffer.alloc(32, 9),
  };
}
