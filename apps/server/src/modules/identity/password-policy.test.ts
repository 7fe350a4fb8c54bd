import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORD_COUNT, commonPasswords, contextWords, passwordProblem } from './password-policy.ts';

const context = {
  email: 'maya.thompson@example.com',
  names: ['Maya', 'Thompson'],
  brand: ['Solenne Motor Finance'],
};

describe('password policy (NIST 800-63B)', () => {
  it('ASVS 6.2.1: 7 characters are rejected, 8 accepted', () => {
    expect(passwordProblem('qz7#vk2', context)?.code).toBe('too_short');
    expect(passwordProblem('qz7#vk2w', context)).toBeNull();
  });

  it('ASVS 6.2.9: 64 and 128 characters are accepted, 129 rejected', () => {
    expect(passwordProblem(`${'q'.repeat(32)}${'z'.repeat(32)}`, context)).toBeNull();
    expect(passwordProblem('qw'.repeat(64), context)).toBeNull();
    expect(passwordProblem(`${'qw'.repeat(64)}x`, context)?.code).toBe('too_long');
  });

  it('ASVS 6.2.5: no composition rules: a 16-character lowercase passphrase passes', () => {
    expect(passwordProblem('quietriverstones', context)).toBeNull();
  });

  it('ASVS 6.2.4/6.2.12: the 100k most common passwords are rejected, decorated or not', () => {
    expect(commonPasswords().size).toBeGreaterThan(COMMON_PASSWORD_COUNT * 0.95);
    for (const p of ['password', 'Password123!', '12345678', 'iloveyou', 'sunshine1', 'qwertyuiop']) {
      expect(passwordProblem(p, context)?.code, p).toBe('too_common');
    }
  });

  it('ASVS 6.2.11: context words (brand, name, e-mail) are rejected', () => {
    expect(contextWords(context)).toEqual(expect.arrayContaining(['marque', 'solenne', 'maya', 'thompson']));
    expect(passwordProblem('Solenne-rocks-hard', context)?.code).toBe('contains_context');
    expect(passwordProblem('my-name-is-maya-t', context)?.code).toBe('contains_context');
    expect(passwordProblem('marque portal pass', context)?.code).toBe('contains_context');
  });

  it('ASVS 6.2.8: nothing is normalised away: emoji and spaces count as typed', () => {
    expect(passwordProblem('🦊🦊🦊🦊🦊🦊🦊', context)?.code).toBe('too_short');
    expect(passwordProblem('🦊 quiet fox 🦊', context)).toBeNull();
  });
});
