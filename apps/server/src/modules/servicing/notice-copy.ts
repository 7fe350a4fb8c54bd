/**
 * The wording of the close of business notices, in the customer's language
 * (customers.preferred_language). Only copy lives here: when and how notices are sent stays
 * with the notices step and notice-emails.
 */
export type NoticeLanguage = 'en' | 'es';

const SUBJECTS: Record<NoticeLanguage, Record<string, string>> = {
  en: {
    lease_maturity_90: 'Your lease ends in about 90 days',
    lease_maturity_60: 'Your lease ends in about 60 days',
    lease_maturity_30: 'Your lease ends in about 30 days',
    payment_due_reminder: 'Your payment is coming due',
  },
  es: {
    lease_maturity_90: 'Su arrendamiento termina en unos 90 días',
    lease_maturity_60: 'Su arrendamiento termina en unos 60 días',
    lease_maturity_30: 'Su arrendamiento termina en unos 30 días',
    payment_due_reminder: 'Se acerca la fecha de su pago',
  },
};

const FALLBACK: Record<NoticeLanguage, { subject: string; signIn: string }> = {
  en: { subject: 'A notice about your account', signIn: 'Sign in to your account to see the details.' },
  es: { subject: 'Un aviso sobre su cuenta', signIn: 'Inicie sesión en su cuenta para ver los detalles.' },
};

function languageOf(value: string | null | undefined): NoticeLanguage {
  return value === 'es' ? 'es' : 'en';
}

/** Subject and text of a notice's e-mail copy (a notice, never account details). */
export function noticeEmailCopy(
  kind: string,
  refDate: string,
  language: string | null | undefined,
): { subject: string; text: string } {
  const lang = languageOf(language);
  const subject = SUBJECTS[lang][kind] ?? FALLBACK[lang].subject;
  return { subject, text: `${subject} (${refDate}). ${FALLBACK[lang].signIn}` };
}
