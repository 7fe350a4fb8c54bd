import type { DocumentLanguage } from '../pdf/format.ts';

/**
 * The "statement ready" notice (in-portal and e-mail) in the customer's language. Only the
 * wording lives here; when and how it is sent stays with issue-statement.
 */
export const STATEMENT_NOTICE_COPY: Record<
  DocumentLanguage,
  {
    title: string;
    body: (last4: string, dueDate: string) => string;
    subject: (brandName: string) => string;
    emailFooter: string;
  }
> = {
  en: {
    title: 'Your statement is ready',
    body: (last4, dueDate) =>
      `Your statement for the account ending ${last4} is ready in Documents. Payment due ${dueDate}.`,
    subject: (brandName) => `${brandName}: your statement is ready`,
    emailFooter:
      'Sign in to the customer portal and open Documents to view it. For your security, statements are never attached to e-mail.',
  },
  es: {
    title: 'Su estado de cuenta está listo',
    body: (last4, dueDate) =>
      `Su estado de cuenta de la cuenta que termina en ${last4} está listo en Documentos. Pago con vencimiento el ${dueDate}.`,
    subject: (brandName) => `${brandName}: su estado de cuenta está listo`,
    emailFooter:
      'Inicie sesión en el portal de clientes y abra Documentos para verlo. Por su seguridad, nunca adjuntamos estados de cuenta a los correos electrónicos.',
  },
};
