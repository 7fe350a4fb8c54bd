import type { Db } from '../db/client.ts';
import { RateLimitedError } from '../errors.ts';
import { ipSubject } from '../http/client-ip.ts';
import { deleteCounter, hitCounter, hitCounterChain, readCounter } from './repo.ts';

/** What is limited: password sign-in, identity matching, sending codes, checking codes, payments, public calculators. */
export type ThrottleScope = 'login' | 'identity' | 'code_send' | 'code_verify' | 'payment' | 'calculator';

export interface Limit {
  max: number;
  windowMs: number;
}

export type ThrottlePolicy = Record<ThrottleScope, { account: Limit; ip: Limit; global: Limit }>;

const MIN = 60_000;

/** Defaults for one lender's traffic; AppDeps.throttle overrides them (tests, large deployments). */
export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  login: {
    account: { max: 20, windowMs: 15 * MIN },
    ip: { max: 100, windowMs: 15 * MIN },
    global: { max: 5000, windowMs: MIN },
  },
  identity: {
    account: { max: 5, windowMs: 60 * MIN },
    ip: { max: 20, windowMs: 60 * MIN },
    global: { max: 500, windowMs: 60 * MIN },
  },
  code_send: {
    account: { max: 5, windowMs: 15 * MIN },
    ip: { max: 30, windowMs: 15 * MIN },
    global: { max: 1000, windowMs: MIN },
  },
  code_verify: {
    account: { max: 10, windowMs: 15 * MIN },
    ip: { max: 100, windowMs: 15 * MIN },
    global: { max: 5000, windowMs: MIN },
  },
  // SECURITY.md 2.4.1: payment submission. Generous for people, tight for card testing.
  payment: {
    account: { max: 20, windowMs: 15 * MIN },
    ip: { max: 200, windowMs: 15 * MIN },
    global: { max: 200_000, windowMs: MIN },
  },
  // Public calculators: pure and cheap, limited per IP so nobody uses them as a free compute API.
  calculator: {
    account: { max: 60, windowMs: MIN },
    ip: { max: 60, windowMs: MIN },
    global: { max: 100_000, windowMs: MIN },
  },
};

/** Failures before the progressive delay starts, and its ceiling. */
export const FREE_FAILURES = 5;
const MAX_DELAY_MS = 15 * MIN;
/** A failure streak is forgotten after a day without failures. */
const FAILURE_MEMORY_MS = 24 * 60 * MIN;

/**
 * After FREE_FAILURES failures, each further attempt must wait 1 s, 2 s, 4 s, ... up to 15
 * minutes after the last failure. A delay, not a lock: the owner is never locked out for good,
 * and a remembered device skips it (log-in.ts).
 */
export function failureDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES));
}

export interface Throttle {
  /** Counts one attempt per account, per IP (/64 for IPv6) and globally; throws 429 over a limit. */
  consume(scope: ThrottleScope, subject: { account: string | null; ip: string | null }): Promise<void>;
  /** Throws 429 while the account's progressive failure delay is running. */
  checkFailureDelay(scope: ThrottleScope, account: string): Promise<void>;
  /** Counts a failure; returns the streak length (so callers can alert at a threshold). */
  recordFailure(scope: ThrottleScope, account: string): Promise<number>;
  clearFailures(scope: ThrottleScope, account: string): Promise<void>;
}

export function createThrottle(
  deps: { db: Db; now: () => Date },
  policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
): Throttle {
  const failKey = (scope: ThrottleScope, account: string) => `${scope}:fail:${account}`;
  return {
    async consume(scope, subject) {
      const limits = policy[scope];
      // Global first: when the whole service is flooded, per-subject counters stop growing too.
      // All counters in one statement (a payment is hot: one round trip, not three).
      const chain = [
        { key: `${scope}:global`, ...limits.global },
        { key: `${scope}:ip:${ipSubject(subject.ip)}`, ...limits.ip },
        ...(subject.account ? [{ key: `${scope}:acct:${subject.account}`, ...limits.account }] : []),
      ];
      const now = deps.now();
      const states = await hitCounterChain(deps.db, chain, now);
      states.forEach((state, i) => {
        const limit = chain[i];
        if (!limit || state.count <= limit.max) return;
        const waitMs = state.windowStartedAt.getTime() + limit.windowMs - now.getTime();
        throw new RateLimitedError(Math.max(1, Math.ceil(waitMs / 1000)));
      });
    },
    async checkFailureDelay(scope, account) {
      const state = await readCounter(deps.db, failKey(scope, account));
      if (!state) return;
      const now = deps.now().getTime();
      if (now - state.lastAt.getTime() >= FAILURE_MEMORY_MS) return;
      const waitMs = state.lastAt.getTime() + failureDelayMs(state.count) - now;
      if (waitMs > 0) throw new RateLimitedError(Math.ceil(waitMs / 1000));
    },
    async recordFailure(scope, account) {
      const state = await hitCounter(deps.db, failKey(scope, account), deps.now(), FAILURE_MEMORY_MS);
      return state.count;
    },
    async clearFailures(scope, account) {
      await deleteCounter(deps.db, failKey(scope, account));
    },
  };
}
