import { FinanceInputError } from '@marque/finance';
import { BusinessRuleError } from '../../platform/errors.ts';

export const usd = (amount: number) => ({ amount, currency: 'USD' as const });

/**
 * Runs a finance calculation; a FinanceInputError (well-formed input that breaks a rule, e.g. a
 * residual above the price) becomes a 422 naming the request's field. `fields` renames the
 * finance package's field names to the request's where they differ.
 */
export function calculate<T>(run: () => T, fields: Record<string, string> = {}): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof FinanceInputError)) throw e;
    const field = fields[e.field ?? ''] ?? e.field ?? 'body';
    const message = e.message.charAt(0).toUpperCase() + e.message.slice(1);
    throw new BusinessRuleError(e.code, message, [{ field, code: e.code, message }]);
  }
}
