import type { FieldError } from '@marque/contracts';

/**
 * Errors a use case may raise on purpose. Each maps to one HTTP status and a stable `code`;
 * the HTTP layer turns it into application/problem+json (see http/problem.ts).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(errors: FieldError[], detail = 'The request has invalid fields.') {
    super(400, 'validation_failed', detail, errors);
  }
  static field(field: string, code: string, message: string): ValidationError {
    return new ValidationError([{ field, code, message }], message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(code = 'unauthenticated', detail = 'Sign in to continue.') {
    super(401, code, detail);
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = 'You do not have access to this resource.', code = 'forbidden') {
    super(403, code, detail);
  }
}

export class NotFoundError extends AppError {
  constructor(what = 'resource') {
    super(404, 'not_found', `The ${what} was not found.`);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, detail: string) {
    super(409, code, detail);
  }
}

/** A well-formed request that breaks a business rule (payment above payoff, date in the past, ...). */
export class BusinessRuleError extends AppError {
  constructor(code: string, detail: string, errors?: FieldError[]) {
    super(422, code, detail, errors);
  }
}

/** Too many attempts: answered 429 with a Retry-After header (seconds). */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', 'Too many attempts. Wait a little, then try again.');
  }
}
