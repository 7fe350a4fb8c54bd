import type { PasskeySummary } from '@marque/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { cookieOf, type TestApp } from './app.ts';
import { SoftAuthenticator, type SoftCredential, type Tweaks } from './soft-authenticator.ts';

/** Passkey ceremonies over HTTP with the software authenticator, for the passkey tests. */
export function passkeyClient(t: TestApp) {
  const post = (url: string, cookie: string | null, payload: object = {}) =>
    t.app.inject({ method: 'POST', url, headers: cookie ? { cookie } : {}, payload });

  return {
    post,

    /** Adds a passkey from a signed-in, stepped-up session; answers the final response. */
    async register(
      cookie: string,
      options: { authenticator?: SoftAuthenticator; name?: string; tweaks?: Tweaks } = {},
    ): Promise<{ response: LightMyRequestResponse; authenticator: SoftAuthenticator }> {
      const authenticator = options.authenticator ?? new SoftAuthenticator();
      const started = await post('/api/v1/me/passkeys/options', cookie);
      if (started.statusCode !== 200) return { response: started, authenticator };
      const credential = authenticator.register(started.json(), options.tweaks);
      const response = await post('/api/v1/me/passkeys', cookie, {
        ...(options.name ? { name: options.name } : {}),
        credential,
      });
      return { response, authenticator };
    },

    /** Adds a passkey and insists it worked. */
    async add(
      cookie: string,
      name?: string,
    ): Promise<{ authenticator: SoftAuthenticator; passkey: PasskeySummary }> {
      const { response, authenticator } = await this.register(cookie, name ? { name } : {});
      if (response.statusCode !== 201) throw new Error(`adding a passkey: ${response.body}`);
      return { authenticator, passkey: response.json() };
    },

    /** Usernameless sign-in: options (which set the passkey cookie), then the signed assertion. */
    async signIn(
      authenticator: SoftAuthenticator,
      tweaks: Tweaks & { credential?: SoftCredential } = {},
    ): Promise<{ response: LightMyRequestResponse; browser: string; assertion: object }> {
      const started = await post('/api/v1/auth/passkey/options', null);
      const browser = cookieOf(started, 'marque_passkey');
      const assertion = authenticator.assert(started.json(), tweaks);
      const response = await post('/api/v1/auth/passkey/verify', browser, assertion);
      return { response, browser, assertion };
    },

    /** Passkey as the second factor behind a pre-auth cookie. */
    async secondFactor(
      preAuth: string,
      authenticator: SoftAuthenticator,
      tweaks: Tweaks = {},
    ): Promise<LightMyRequestResponse> {
      const started = await post('/api/v1/auth/mfa/passkey/options', preAuth);
      if (started.statusCode !== 200) return started;
      return post('/api/v1/auth/mfa/passkey/verify', preAuth, authenticator.assert(started.json(), tweaks));
    },
  };
}
