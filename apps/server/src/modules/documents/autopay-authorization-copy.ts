import type { DocumentLanguage } from './pdf/format.ts';

/** Every sentence of the autopay authorisation copy, in English and Spanish. Values arrive formatted. */
export interface AutopayAuthorizationCopy {
  title: string;
  subtitle: string;
  customer: string;
  loanAccount: string;
  accountNumber: string;
  vehicle: string;
  detailsHeading: string;
  bankAccount: string;
  accountType: Record<'checking' | 'savings', string>;
  bankLine: (type: string, masked: string, bank: string | undefined, routing: string) => string;
  amount: string;
  amountDue: string;
  amountDuePlus: (extra: string) => string;
  fixed: (amount: string) => string;
  draftDate: string;
  draftDay: (days: number) => string;
  firstDraft: string;
  textHeading: string;
  recordHeading: string;
  acceptedAt: string;
  ipAddress: string;
  version: string;
  confirmation: string;
  device: string;
  stopHeading: string;
  stopItems: (phone: string, days: number) => readonly string[];
  varying: string;
  keepCopy: string;
}

const en: AutopayAuthorizationCopy = {
  title: 'Autopay authorization',
  subtitle: 'Your copy of the recurring electronic payment authorization you gave us.',
  customer: 'Customer',
  loanAccount: 'Loan account',
  accountNumber: 'Account number',
  vehicle: 'Vehicle',
  detailsHeading: 'What you authorized',
  bankAccount: 'Bank account',
  accountType: { checking: 'Checking', savings: 'Savings' },
  bankLine: (type, masked, bank, routing) =>
    `${type} ${masked}${bank ? ` at ${bank}` : ''} (routing ${routing})`,
  amount: 'Amount of each payment',
  amountDue: 'The amount due shown on your monthly statement',
  amountDuePlus: (extra) => `The amount due shown on your monthly statement, plus ${extra} toward principal`,
  fixed: (amount) => `${amount} each month`,
  draftDate: 'Payment date',
  draftDay: (days) =>
    days === 0
      ? 'On each due date, or the next business day if the due date is not one'
      : `${days} ${days === 1 ? 'day' : 'days'} before each due date, or the next business day if that day is not one`,
  firstDraft: 'First payment',
  textHeading: 'Authorization text you accepted',
  recordHeading: 'Record of your acceptance',
  acceptedAt: 'Accepted',
  ipAddress: 'IP address',
  version: 'Text version',
  confirmation: 'Confirmation',
  device: 'Device',
  stopHeading: 'How to stop or change autopay',
  stopItems: (phone, days) => [
    'Change the amount or date, pause a month, or stop autopay at any time in the customer portal under Payments › Autopay.',
    `Or call us at ${phone}. Tell us at least ${days} business days before a scheduled payment to stop that payment.`,
    `You may also ask your bank to stop a payment; give it at least ${days} business days' notice before the payment date.`,
  ],
  varying:
    'When the amount changes, your statement shows the new amount and date at least 10 days before the payment.',
  keepCopy: 'Keep this copy for your records.',
};

const es: AutopayAuthorizationCopy = {
  title: 'Autorización de pago automático',
  subtitle: 'Su copia de la autorización de pagos electrónicos recurrentes que nos otorgó.',
  customer: 'Cliente',
  loanAccount: 'Cuenta del préstamo',
  accountNumber: 'Número de cuenta',
  vehicle: 'Vehículo',
  detailsHeading: 'Lo que usted autorizó',
  bankAccount: 'Cuenta bancaria',
  accountType: { checking: 'Cuenta corriente', savings: 'Cuenta de ahorros' },
  bankLine: (type, masked, bank, routing) =>
    `${type} ${masked}${bank ? ` en ${bank}` : ''} (ruta ${routing})`,
  amount: 'Monto de cada pago',
  amountDue: 'El monto adeudado que indica su estado de cuenta mensual',
  amountDuePlus: (extra) =>
    `El monto adeudado que indica su estado de cuenta mensual, más ${extra} a capital`,
  fixed: (amount) => `${amount} cada mes`,
  draftDate: 'Fecha de pago',
  draftDay: (days) =>
    days === 0
      ? 'En cada fecha de vencimiento, o el siguiente día hábil si esa fecha no lo es'
      : `${days} ${days === 1 ? 'día' : 'días'} antes de cada fecha de vencimiento, o el siguiente día hábil si ese día no lo es`,
  firstDraft: 'Primer pago',
  textHeading: 'Texto de la autorización que aceptó',
  recordHeading: 'Registro de su aceptación',
  acceptedAt: 'Aceptada',
  ipAddress: 'Dirección IP',
  version: 'Versión del texto',
  confirmation: 'Confirmación',
  device: 'Dispositivo',
  stopHeading: 'Cómo detener o cambiar el pago automático',
  stopItems: (phone, days) => [
    'Cambie el monto o la fecha, pause un mes o detenga el pago automático en cualquier momento en el portal de clientes, en Pagos › Pago automático.',
    `O llámenos al ${phone}. Avísenos al menos ${days} días hábiles antes de un pago programado para detener ese pago.`,
    `También puede pedir a su banco que detenga un pago; avísele al menos ${days} días hábiles antes de la fecha del pago.`,
  ],
  varying:
    'Cuando el monto cambie, su estado de cuenta le indicará el nuevo monto y la fecha al menos 10 días antes del pago.',
  keepCopy: 'Conserve esta copia para sus registros.',
};

export const AUTOPAY_AUTHORIZATION_COPY: Record<DocumentLanguage, AutopayAuthorizationCopy> = { en, es };
