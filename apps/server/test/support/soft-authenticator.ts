import crypto from 'node:crypto';
import type {
  PasskeyAssertion,
  PasskeyCreationOptions,
  PasskeyRegistrationCredential,
  PasskeyRequestOptions,
} from '@marque/contracts';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/**
 * A software WebAuthn authenticator for HTTP tests: it makes real ES256 credentials with
 * node:crypto and answers the server's options with a "none" attestation and signed assertions
 * (CBOR by @simplewebauthn's own encoder), so the server's real verification runs, and a test
 * can bend one thing at a time (origin, counter, user verification, ...) to prove it is checked.
 */

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export const TEST_ORIGIN = 'http://localhost:3000';

export interface SoftCredential {
  id: Buffer;
  rpId: string;
  userHandle: Buffer;
  privateKey: crypto.KeyObject;
  publicKey: crypto.KeyObject;
  counter: number;
}

/** What a test may change in one ceremony. */
export interface Tweaks {
  origin?: string;
  /** Report this counter instead of the next one. */
  counter?: number;
  userVerified?: boolean;
  /** Sign this challenge instead of the server's. */
  challenge?: string;
  /** Answer as a `webauthn.get` when a `create` was asked, or the other way round. */
  type?: string;
}

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest();
const b64url = (data: Buffer) => data.toString('base64url');

function clientData(type: string, challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

function authenticatorData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter);
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
}

/** The credential's public key as a COSE_Key map: EC2, ES256, P-256, x and y. */
function coseKey(publicKey: crypto.KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url'))],
      [-3, new Uint8Array(Buffer.from(jwk.y ?? '', 'base64url'))],
    ]),
  );
}

export class SoftAuthenticator {
  readonly credentials: SoftCredential[] = [];

  constructor(readonly origin = TEST_ORIGIN) {}

  /** navigator.credentials.create(): a new discoverable ES256 credential. */
  register(options: PasskeyCreationOptions, tweaks: Tweaks = {}): PasskeyRegistrationCredential {
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const credential: SoftCredential = {
      id: crypto.randomBytes(32),
      rpId,
      userHandle: Buffer.from(options.user.id, 'base64url'),
      privateKey,
      publicKey,
      counter: 0,
    };
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credential.id.length);
    const attested = Buffer.concat([
      Buffer.alloc(16), // AAGUID: zeros for a "none" attestation
      idLength,
      credential.id,
      Buffer.from(coseKey(publicKey)),
    ]);
    const uv = tweaks.userVerified ?? true;
    const authData = authenticatorData(rpId, FLAG_UP | (uv ? FLAG_UV : 0) | FLAG_AT, 0, attested);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, string> | Uint8Array>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', new Uint8Array(authData)],
      ]),
    );
    this.credentials.push(credential);
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key',
      response: {
        clientDataJSON: b64url(
          clientData(
            tweaks.type ?? 'webauthn.create',
            tweaks.challenge ?? options.challenge,
            tweaks.origin ?? this.origin,
          ),
        ),
        attestationObject: b64url(Buffer.from(attestationObject)),
        transports: ['internal'],
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  /**
   * navigator.credentials.get(): signs with the first credential the options allow (any of
   * ours for a usernameless request), or the one named.
   */
  assert(
    options: PasskeyRequestOptions,
    tweaks: Tweaks & { credential?: SoftCredential } = {},
  ): PasskeyAssertion {
    const allowed = options.allowCredentials?.map((c) => c.id);
    const credential =
      tweaks.credential ?? this.credentials.find((c) => !allowed?.length || allowed.includes(b64url(c.id)));
    if (!credential) throw new Error('no credential for these options');
    credential.counter += 1;
    const uv = tweaks.userVerified ?? true;
    const authData = authenticatorData(
      options.rpId ?? credential.rpId,
      FLAG_UP | (uv ? FLAG_UV : 0),
      tweaks.counter ?? credential.counter,
    );
    const data = clientData(
      tweaks.type ?? 'webauthn.get',
      tweaks.challenge ?? options.challenge,
      tweaks.origin ?? this.origin,
    );
    const signature = crypto.sign('sha256', Buffer.concat([authData, sha256(data)]), credential.privateKey);
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key',
      response: {
        clientDataJSON: b64url(data),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: b64url(credential.userHandle),
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }
}
