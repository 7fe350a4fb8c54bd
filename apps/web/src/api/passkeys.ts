/**
 * Passkeys (WebAuthn): signing in with one and managing them in the security centre. The browser
 * ceremony is @simplewebauthn/browser's; the server issues every challenge and checks every answer.
 */
import {
  AuthenticatedResponse,
  PasskeyCreationOptions,
  PasskeyList,
  PasskeyRequestOptions,
  PasskeySummary,
} from '@marque/contracts';
import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch } from './client.ts';
import { establishSession } from './identity.ts';

export const passkeysQueryKey = ['security', 'passkeys'] as const;

/** Whether this browser can use passkeys at all (`window.PublicKeyCredential`). */
export function passkeysSupported(): boolean {
  return typeof window !== 'undefined' && browserSupportsWebAuthn();
}

/**
 * Why the browser's prompt did not give us a credential, as an ApiError with status 0:
 * `passkey_cancelled` (the person closed it, or it timed out: the browser does not say which),
 * `passkey_exists` (this authenticator is registered already) or `passkey_unavailable`.
 */
function ceremonyError(error: unknown): ApiError {
  const name = error instanceof Error ? error.name : '';
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || name === 'InvalidStateError') {
    return new ApiError({ status: 0, code: 'passkey_exists' });
  }
  if (name === 'NotAllowedError' || name === 'AbortError' || code === 'ERROR_CEREMONY_ABORTED') {
    return new ApiError({ status: 0, code: 'passkey_cancelled' });
  }
  return new ApiError({ status: 0, code: 'passkey_unavailable' });
}

// The contracts validate these options; their enum members are plain strings there, and the
// browser library types them as the W3C unions.
async function assertWith(options: PasskeyRequestOptions) {
  try {
    return await startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON });
  } catch (error) {
    throw ceremonyError(error);
  }
}

async function createWith(options: PasskeyCreationOptions) {
  try {
    return await startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON });
  } catch (error) {
    throw ceremonyError(error);
  }
}

/** Options from `optionsPath`, the browser's prompt, then the answer to `verifyPath`. */
async function passkeyCeremony(optionsPath: string, verifyPath: string) {
  const options = await apiFetch(optionsPath, { method: 'POST', body: {}, schema: PasskeyRequestOptions });
  const assertion = await assertWith(options);
  return apiFetch(verifyPath, { method: 'POST', body: assertion, schema: AuthenticatedResponse });
}

/** A passkey ceremony that ends in a session; then `/me` is loaded so the next page renders at once. */
function usePasskeySession(optionsPath: string, verifyPath: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await passkeyCeremony(optionsPath, verifyPath);
      return establishSession(client);
    },
  });
}

/** "Sign in with a passkey": no e-mail, no password; the passkey is both factors. */
export const usePasskeySignIn = () => usePasskeySession('/auth/passkey/options', '/auth/passkey/verify');

/** A passkey as the second factor, after the password (pre-auth cookie). */
export const usePasskeySecondFactor = () =>
  usePasskeySession('/auth/mfa/passkey/options', '/auth/mfa/passkey/verify');

export const passkeysQuery = queryOptions({
  queryKey: passkeysQueryKey,
  queryFn: ({ signal }) => apiFetch('/me/passkeys', { schema: PasskeyList, signal }),
});

export function usePasskeys() {
  return useQuery(passkeysQuery);
}

export const passkeys = {
  /** Creation options (may answer step_up_required: run it inside the step-up guard). */
  creationOptions: () =>
    apiFetch('/me/passkeys/options', { method: 'POST', body: {}, schema: PasskeyCreationOptions }),
  /** The browser's prompt, then the new credential to the server under the given name. */
  create: async (options: PasskeyCreationOptions, name: string | undefined) => {
    const credential = await createWith(options);
    return apiFetch('/me/passkeys', {
      method: 'POST',
      body: { credential, ...(name ? { name } : {}) },
      schema: PasskeySummary,
    });
  },
  rename: (passkeyId: string, name: string) =>
    apiFetch(`/me/passkeys/${encodeURIComponent(passkeyId)}`, {
      method: 'PATCH',
      body: { name },
      schema: PasskeySummary,
    }),
  remove: (passkeyId: string) =>
    apiFetch(`/me/passkeys/${encodeURIComponent(passkeyId)}`, { method: 'DELETE', body: {} }),
};
