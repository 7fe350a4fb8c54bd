import { type RefObject, useState } from 'react';
import { focusFirstError } from './fieldErrors.ts';

export type FieldErrors<F extends string> = Partial<Record<F, string | undefined>>;

export interface FieldFormSubmission<F extends string> {
  /** The browser's own check: errors found here stop the submission. */
  check: () => FieldErrors<F>;
  /** Sends the form (and moves on when it succeeds). */
  send: () => Promise<void>;
  /** A failure's errors that belong beside fields (from problem+json `errors[]`, or a known code). */
  fieldErrorsOf: (error: unknown) => FieldErrors<F>;
  /** Any other failure, said above the form; null says nothing (the person cancelled, say). */
  formErrorOf: (error: unknown) => string | null;
}

/**
 * The life of a form with field errors: errors beside their fields with the first one focused (the
 * browser's check first, then the server's), anything else above the form, and no double submit.
 */
export function useFieldForm<F extends string>(
  order: readonly F[],
  refs: Partial<Record<F, RefObject<HTMLElement | null>>>,
) {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  /** Shows these errors (replacing the old ones); true when there is one. */
  const showErrors = (found: FieldErrors<F>): boolean => {
    setErrors(found);
    const any = order.some((field) => found[field]);
    if (any) focusFirstError(found, order, refs);
    return any;
  };

  const submit = async ({ check, send, fieldErrorsOf, formErrorOf }: FieldFormSubmission<F>) => {
    if (pending) return;
    setFormError(null);
    if (showErrors(check())) return;
    setPending(true);
    try {
      await send();
    } catch (error) {
      if (!showErrors(fieldErrorsOf(error))) setFormError(formErrorOf(error));
    } finally {
      setPending(false);
    }
  };

  /** The person changed a field: its error goes until the next check. */
  const clearError = (field: F) => setErrors((e) => ({ ...e, [field]: undefined }));

  return { errors, setErrors, formError, pending, submit, clearError };
}
