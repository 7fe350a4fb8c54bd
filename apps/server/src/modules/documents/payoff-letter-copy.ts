import type { DocumentLanguage } from './pdf/format.ts';

/** Every sentence of the payoff letter, in English and Spanish. Values arrive formatted. */
export interface PayoffLetterCopy {
  title: string;
  date: string;
  accountNumber: string;
  quoteNumber: string;
  vehicle: string;
  vin: string;
  greeting: (name: string) => string;
  intro: (vehicle: string) => string;
  payoffCaption: string;
  goodThrough: (date: string) => string;
  perDiemCaption: string;
  perDiem: (amount: string, date: string) => string;
  breakdownHeading: string;
  principal: string;
  interest: (date: string) => string;
  fees: string;
  total: string;
  /** Leases: the payoff is the rest of the lease plus buying the vehicle at its purchase price. */
  leasePayments: string;
  leasePurchasePrice: string;
  leasePurchaseTax: string;
  leaseNoPerDiem: string;
  sendHeading: string;
  byMail: string;
  byMailNote: (payee: string) => string;
  overnight: string;
  byWire: string;
  wireBank: string;
  wireRouting: string;
  wireAccount: string;
  wireName: string;
  wireReference: string;
  lienHeading: string;
  lien: (days: number) => string;
  notesHeading: string;
  notes: readonly string[];
  questions: (phone: string, hours: string) => string;
  closing: string;
  department: string;
}

const en: PayoffLetterCopy = {
  title: 'Payoff quote',
  date: 'Date',
  accountNumber: 'Account number',
  quoteNumber: 'Quote number',
  vehicle: 'Vehicle',
  vin: 'VIN',
  greeting: (name) => `Dear ${name},`,
  intro: (vehicle) =>
    `As you requested, this letter gives the amount needed to pay off your account for the ${vehicle} in full. Once we receive it, your account will be closed and we will release our lien on the vehicle.`,
  payoffCaption: 'Payoff amount',
  goodThrough: (date) => `Good through ${date}`,
  perDiemCaption: 'After that date',
  perDiem: (amount, date) => `Add ${amount} for each day after ${date} until your payment arrives.`,
  breakdownHeading: 'How we calculated it',
  principal: 'Principal balance',
  interest: (date) => `Interest through ${date}`,
  fees: 'Unpaid fees',
  total: 'Payoff amount',
  leasePayments: 'Remaining lease payments',
  leasePurchasePrice: 'Purchase option price (residual)',
  leasePurchaseTax: 'Sales tax on the purchase',
  leaseNoPerDiem: 'A lease accrues no daily interest: the amount stays the same until that date.',
  sendHeading: 'How to send your payoff',
  byMail: 'By mail',
  byMailNote: (payee) => `Check or money order payable to ${payee}. Write your account number on it.`,
  overnight: 'By overnight courier',
  byWire: 'By wire transfer',
  wireBank: 'Bank',
  wireRouting: 'ABA routing',
  wireAccount: 'Account',
  wireName: 'Account name',
  wireReference: 'Reference',
  lienHeading: 'Releasing the lien',
  lien: (days) =>
    `When your payoff clears, we release our lien within ${days} business days. In states with electronic titles we notify the motor vehicle agency; elsewhere we mail the title to the address above, or to the dealer or lender who paid off the account.`,
  notesHeading: 'Please note',
  notes: [
    'This quote assumes your recent payments clear. If one is returned, the payoff rises by that amount.',
    'Autopay stays on until the account is paid in full. Anything paid above the payoff is refunded within 30 days.',
    'Personal checks may be held until they clear; certified funds and wires post the day they arrive.',
  ],
  questions: (phone, hours) => `Questions? Call us at ${phone} (${hours}).`,
  closing: 'Sincerely,',
  department: 'Payoff Department',
};

const es: PayoffLetterCopy = {
  title: 'Cotización de liquidación',
  date: 'Fecha',
  accountNumber: 'Número de cuenta',
  quoteNumber: 'Número de cotización',
  vehicle: 'Vehículo',
  vin: 'VIN',
  greeting: (name) => `Estimado(a) ${name}:`,
  intro: (vehicle) =>
    `Según lo solicitado, esta carta indica el monto necesario para liquidar por completo su cuenta del ${vehicle}. Cuando lo recibamos, cerraremos su cuenta y liberaremos nuestro gravamen sobre el vehículo.`,
  payoffCaption: 'Monto de liquidación',
  goodThrough: (date) => `Válido hasta el ${date}`,
  perDiemCaption: 'Después de esa fecha',
  perDiem: (amount, date) => `Sume ${amount} por cada día después del ${date} hasta que llegue su pago.`,
  breakdownHeading: 'Cómo lo calculamos',
  principal: 'Saldo de capital',
  interest: (date) => `Intereses hasta el ${date}`,
  fees: 'Cargos pendientes',
  total: 'Monto de liquidación',
  leasePayments: 'Pagos de arrendamiento restantes',
  leasePurchasePrice: 'Opción de compra (residual)',
  leasePurchaseTax: 'Impuesto sobre la compra',
  leaseNoPerDiem: 'Un arrendamiento no genera intereses diarios: el monto no cambia hasta esa fecha.',
  sendHeading: 'Cómo enviar su pago de liquidación',
  byMail: 'Por correo',
  byMailNote: (payee) => `Cheque o giro postal a nombre de ${payee}. Escriba su número de cuenta en él.`,
  overnight: 'Por mensajería urgente',
  byWire: 'Por transferencia bancaria',
  wireBank: 'Banco',
  wireRouting: 'Ruta ABA',
  wireAccount: 'Cuenta',
  wireName: 'Titular',
  wireReference: 'Referencia',
  lienHeading: 'Liberación del gravamen',
  lien: (days) =>
    `Cuando su liquidación se acredite, liberaremos nuestro gravamen dentro de ${days} días hábiles. En los estados con títulos electrónicos avisamos a la agencia de vehículos; en los demás enviamos el título por correo a la dirección indicada arriba, o al concesionario o prestamista que liquidó la cuenta.`,
  notesHeading: 'Tenga en cuenta',
  notes: [
    'Esta cotización supone que sus pagos recientes se acrediten. Si uno es devuelto, la liquidación aumenta en ese monto.',
    'El pago automático sigue activo hasta liquidar la cuenta. Lo pagado de más se reembolsa dentro de 30 días.',
    'Los cheques personales pueden retenerse hasta acreditarse; los fondos certificados y las transferencias se acreditan el día que llegan.',
  ],
  questions: (phone, hours) => `¿Preguntas? Llámenos al ${phone} (${hours}).`,
  closing: 'Atentamente,',
  department: 'Departamento de Liquidaciones',
};

export const PAYOFF_LETTER_COPY: Record<DocumentLanguage, PayoffLetterCopy> = { en, es };
