/**
 * The Reg E authorisation for preauthorised debits, versioned: a customer accepts one version,
 * and the exact text they saw is stored with their enrolment. Change the text, change the
 * version (enrolments keep the one they accepted).
 */
export const AUTOPAY_AUTHORIZATION = {
  version: 'autopay-2026-11',
  text: {
    en: [
      'I authorize {brand} to debit the bank account I selected, by ACH, for my monthly payment on this account:',
      'the amount due (or the amount due plus the extra amount I chose) on the draft date I chose, each month',
      'until the account is paid or I stop automatic payments. If a draft date is not a business day, the',
      'debit may be made on the next business day. I may stop or change automatic payments in the portal or by',
      'calling {brand}; a stop received at least three business days before a scheduled draft stops that draft.',
      'If a debit is returned, a returned-payment fee may be charged as my contract allows, and automatic',
      'payments may be suspended. I will receive a copy of this authorization.',
    ].join(' '),
    es: [
      'Autorizo a {brand} a debitar, por ACH, la cuenta bancaria que seleccioné, para mi pago mensual de esta',
      'cuenta: el monto adeudado (o el monto adeudado más el monto adicional que elegí) en la fecha de débito que',
      'elegí, cada mes, hasta que la cuenta se pague o yo detenga los pagos automáticos. Si la fecha de débito no es',
      'un día hábil, el débito puede hacerse el siguiente día hábil. Puedo detener o cambiar los pagos automáticos',
      'en el portal o llamando a {brand}; una suspensión recibida al menos tres días hábiles antes de un débito',
      'programado detiene ese débito. Si un débito es devuelto, se puede cobrar un cargo por pago devuelto según lo',
      'permita mi contrato, y los pagos automáticos pueden suspenderse. Recibiré una copia de esta autorización.',
    ].join(' '),
  },
} as const;

export function authorizationFor(brand: string): { version: string; text: { en: string; es: string } } {
  return {
    version: AUTOPAY_AUTHORIZATION.version,
    text: {
      en: AUTOPAY_AUTHORIZATION.text.en.replaceAll('{brand}', brand),
      es: AUTOPAY_AUTHORIZATION.text.es.replaceAll('{brand}', brand),
    },
  };
}
