import { z } from 'zod';
import { page } from './common.ts';

/**
 * Passkeys (WebAuthn). The options the server sends are the JSON forms of the W3C
 * PublicKeyCredentialCreationOptions / RequestOptions (what @simplewebauthn/browser takes); the
 * credentials the browser sends back are the JSON forms of its PublicKeyCredential (members we do
 * not know are dropped).
 */

const Base64Url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*={0,2}$/, 'Not base64url');

/** How the browser can reach the authenticator (usb, nfc, internal, hybrid, ...): hints only. */
const Transports = z.array(z.string().max(32)).max(10);

const CredentialDescriptor = z.object({
  id: z.string(),
  type: z.string().describe('public-key'),
  transports: z.array(z.string()).optional(),
});
/** Extension inputs pass through as the server wrote them. */
const Extensions = z.unknown().optional();

export const PasskeyCreationOptions = z
  .object({
    challenge: z.string(),
    rp: z.object({ id: z.string().optional(), name: z.string() }),
    user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
    pubKeyCredParams: z.array(z.object({ alg: z.number(), type: z.string() })),
    timeout: z.number().optional(),
    excludeCredentials: z.array(CredentialDescriptor).optional(),
    authenticatorSelection: z
      .object({
        authenticatorAttachment: z.string().optional(),
        requireResidentKey: z.boolean().optional(),
        residentKey: z.string().optional(),
        userVerification: z.string().optional(),
      })
      .optional(),
    hints: z.array(z.string()).optional(),
    attestation: z.string().optional(),
    attestationFormats: z.array(z.string()).optional(),
    extensions: Extensions,
  })
  .meta({ id: 'PasskeyCreationOptions' });
export type PasskeyCreationOptions = z.infer<typeof PasskeyCreationOptions>;

export const PasskeyRequestOptions = z
  .object({
    challenge: z.string(),
    rpId: z.string().optional(),
    timeout: z.number().optional(),
    allowCredentials: z.array(CredentialDescriptor).optional(),
    userVerification: z.string().optional(),
    hints: z.array(z.string()).optional(),
    extensions: Extensions,
  })
  .meta({ id: 'PasskeyRequestOptions' });
export type PasskeyRequestOptions = z.infer<typeof PasskeyRequestOptions>;

/** The envelope both ceremonies answer in: the credential's ID, then its `response`. */
function publicKeyCredential<R extends z.ZodType>(response: R) {
  return z.object({
    id: Base64Url(1024),
    rawId: Base64Url(1024),
    type: z.literal('public-key'),
    response,
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
    clientExtensionResults: z.record(z.string(), z.unknown()),
  });
}

/** navigator.credentials.create()'s answer, as JSON (a "none" attestation is all we ask for). */
export const PasskeyRegistrationCredential = publicKeyCredential(
  z.object({
    clientDataJSON: Base64Url(4096),
    attestationObject: Base64Url(32_768),
    authenticatorData: Base64Url(32_768).optional(),
    transports: Transports.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: Base64Url(8192).optional(),
  }),
).meta({ id: 'PasskeyRegistrationCredential' });
export type PasskeyRegistrationCredential = z.infer<typeof PasskeyRegistrationCredential>;

/** navigator.credentials.get()'s answer, as JSON: a signed assertion. */
export const PasskeyAssertion = publicKeyCredential(
  z.object({
    clientDataJSON: Base64Url(4096),
    authenticatorData: Base64Url(8192),
    signature: Base64Url(2048),
    userHandle: Base64Url(512).optional(),
  }),
).meta({ id: 'PasskeyAssertion' });
export type PasskeyAssertion = z.infer<typeof PasskeyAssertion>;

export const PasskeyName = z
  .string()
  .trim()
  .min(1, 'Enter a name for this passkey')
  .max(64, 'Passkey names are at most 64 characters')
  .regex(/^[^\p{Cc}]*$/u, 'Use letters, digits and punctuation only');

export const AddPasskeyRequest = z
  .object({ name: PasskeyName.optional(), credential: PasskeyRegistrationCredential })
  .meta({ id: 'AddPasskeyRequest' });
export type AddPasskeyRequest = z.infer<typeof AddPasskeyRequest>;

export const RenamePasskeyRequest = z.object({ name: PasskeyName }).meta({ id: 'RenamePasskeyRequest' });

export const PasskeyIdParams = z.object({
  passkeyId: z.string().regex(/^pk_[0-9A-Za-z]{22}$/, 'Not a passkey ID'),
});

export const PasskeySummary = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    /** Synced to the owner's cloud account (iCloud Keychain, Google Password Manager, ...). */
    backedUp: z.boolean(),
  })
  .meta({ id: 'PasskeySummary' });
export type PasskeySummary = z.infer<typeof PasskeySummary>;

export const PasskeyList = page(PasskeySummary).meta({ id: 'PasskeyList' });
export type PasskeyList = z.infer<typeof PasskeyList>;
