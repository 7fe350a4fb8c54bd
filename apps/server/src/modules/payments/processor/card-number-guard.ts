import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../../platform/errors.ts';
import { containsCardNumber } from './card-numbers.ts';

/**
 * Fields whose values are legitimately long digit strings: bank account numbers have up to 17
 * digits and one in ten of them passes the Luhn check by chance. They are encrypted and never
 * logged, so a card number typed there by mistake is still not exposed.
 */
const EXEMPT_KEYS = new Set(['accountNumber']);

/** The dotted paths of every value shaped like a card number (13-19 digits passing Luhn). */
export function findCardNumberFields(root: unknown): string[] {
  const found: string[] = [];
  // Iterative walk: a deeply nested body must not overflow the stack.
  const stack: { value: unknown; path: string }[] = [{ value: root, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: string };
    if (typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value))) {
      if (containsCardNumber(String(value))) found.push(path || 'body');
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (EXEMPT_KEYS.has(key)) continue;
        stack.push({ value: child, path: path ? `${path}.${key}` : key });
      }
    }
  }
  return found.sort();
}

/**
 * PCI SAQ A: card numbers are typed only into the card processor's own form, so no /api/ route
 * accepts anything shaped like one, in the body or the query string. The request is refused
 * before validation or any handler runs, and the value is never echoed or logged.
 */
export function registerCardNumberGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const fields = [...findCardNumberFields(request.body), ...findCardNumberFields(request.query)];
    if (fields.length === 0) return;
    throw new ValidationError(
      fields.map((field) => ({
        field,
        code: 'card_number_not_accepted',
        message: 'Card numbers are entered only in the secure card form of our card processor.',
      })),
      'The request contains what looks like a card number, which this API never accepts.',
    );
  });
}
