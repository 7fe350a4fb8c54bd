import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from './support/app.ts';
import { BOLA_CASES, routesWithIds, signIn } from './support/bola.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

describe('ASVS 8.2.2 (BOLA): every route that takes an ID', () => {
  it('has a BOLA case or a stated exemption (a new route without one fails here)', () => {
    const covered = new Set(BOLA_CASES.map((c) => c.route));
    const missing = routesWithIds(t.app).filter((r) => !covered.has(r));
    expect(missing, 'routes taking an ID without a case in test/support/bola.ts').toEqual([]);
    const stale = [...covered].filter((r) => !routesWithIds(t.app).includes(r));
    expect(stale, 'BOLA cases for routes that no longer exist').toEqual([]);
  });

  for (const bolaCase of BOLA_CASES) {
    if ('exempt' in bolaCase) {
      it(`${bolaCase.route}: exempt (${bolaCase.exempt.split(':')[0]})`, () => {
        expect(bolaCase.exempt.length).toBeGreaterThan(20);
      });
      continue;
    }
    it(`${bolaCase.route}: another owner's ID answers 404, like a missing one`, async () => {
      const request = await bolaCase.prepare(t, signIn(t));
      const send = (url: string) =>
        t.app.inject({
          method: request.method,
          url,
          headers: { ...request.headers, cookie: request.attacker },
          ...(request.payload ? { payload: request.payload } : {}),
        });
      const stolen = await send(request.victimUrl);
      const missing = await send(request.missingUrl);
      expect(stolen.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      expect(stolen.json()).toEqual(missing.json());
      await request.unchanged?.();
    });
  }
});
