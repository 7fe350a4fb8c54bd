/**
 * The one error type the finance package throws for bad input. Callers (HTTP routes, the CLI)
 * map it to a 4xx answer or exit code 2; anything else escaping the package is a bug.
 */
export class FinanceInputError extends Error {
  /** Stable machine code, e.g. `invalid_input`, `invalid_money`, `no_convergence`. */
  readonly code: string;
  /** The offending input field when the function knows it (e.g. `termMonths`). */
  readonly field?: string;

  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'FinanceInputError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
}

/** Throws `invalid_input` for `field` unless `ok`; keeps validation one line at the call site. */
export function check(ok: boolean, field: string, message: string): asserts ok {
  if (!ok) throw new FinanceInputError('invalid_input', message, field);
}
