import type { DocumentLanguage } from '../pdf/format.ts';
import type { StatementMessage } from './statement-data.ts';

/** Every sentence of the monthly statement, in English and Spanish. Values arrive formatted. */
export interface StatementCopy {
  title: string;
  statementDate: string;
  accountNumber: string;
  period: (from: string, to: string) => string;
  vehicle: string;
  amountDue: string;
  dueBy: (date: string) => string;
  current: string;
  pastDue: string;
  unpaidFees: string;
  credit: string;
  totalDue: string;
  summaryHeading: string;
  previousBalance: string;
  payments: string;
  interestCharged: string;
  feesCharged: string;
  otherActivity: string;
  newBalance: string;
  activityHeading: string;
  noActivity: string;
  /** An activity line for the interest of a run of days. */
  interestLine: (from: string, to: string) => string;
  colDate: string;
  colDescription: string;
  colPrincipal: string;
  colInterest: string;
  colFees: string;
  colAmount: string;
  totalPaid: string;
  yearHeading: string;
  interestYtd: (year: string) => string;
  perDiem: string;
  payoffHeading: string;
  payoff: (phone: string) => string;
  mileageHeading: string;
  mileage: (perYear: string, toDate: string, rate: string) => string;
  messagesHeading: string;
  messages: Record<StatementMessage, (v: { days: number; due: string; amount: string }) => string>;
  payHeading: string;
  payOnline: string;
  payMail: (payee: string) => string;
  coupon: string;
  amountEnclosed: string;
  questions: (phone: string, hours: string) => string;
}

const en: StatementCopy = {
  title: 'Monthly statement',
  statementDate: 'Statement date',
  accountNumber: 'Account number',
  period: (from, to) => `${from} – ${to}`,
  vehicle: 'Vehicle',
  amountDue: 'Amount due',
  dueBy: (date) => `Due by ${date}`,
  current: 'Current payment',
  pastDue: 'Past due',
  unpaidFees: 'Unpaid fees',
  credit: 'Credit on account',
  totalDue: 'Total amount due',
  summaryHeading: 'Account summary',
  previousBalance: 'Previous balance',
  payments: 'Payments and returns',
  interestCharged: 'Interest charged',
  feesCharged: 'Fees charged',
  otherActivity: 'Other adjustments',
  newBalance: 'New balance',
  activityHeading: 'Activity this period',
  noActivity: 'No activity this period.',
  interestLine: (from, to) => (from === to ? `Interest, ${to}` : `Interest, ${from} to ${to}`),
  colDate: 'Date',
  colDescription: 'Description',
  colPrincipal: 'Principal',
  colInterest: 'Interest',
  colFees: 'Fees',
  colAmount: 'Amount',
  totalPaid: 'Total paid this period',
  yearHeading: 'This year',
  interestYtd: (year) => `Interest paid in ${year}`,
  perDiem: 'Daily interest (per diem)',
  payoffHeading: 'Your payoff amount',
  payoff: (phone) =>
    `The new balance is not the amount that pays off your account: interest accrues daily. Get a payoff quote good through a date in the customer portal or by calling ${phone}.`,
  mileageHeading: 'Lease mileage',
  mileage: (perYear, toDate, rate) =>
    `Your lease allows ${perYear} miles a year, about ${toDate} miles to date. Miles over the allowance at turn-in are charged at ${rate} a mile.`,
  messagesHeading: 'Messages',
  messages: {
    past_due: ({ days, amount }) =>
      `Your account is ${days} days past due. Please pay the past due amount of ${amount} now to avoid further fees and reporting to the credit bureaus.`,
    autopay: ({ due }) =>
      `You are enrolled in automatic payments: we will draft your payment before ${due}. No action is needed.`,
    late_charge: () =>
      'A late charge may apply if your payment arrives after the grace period stated in your contract.',
    final_payment: () => 'This is your final scheduled payment. Thank you for choosing us.',
  },
  payHeading: 'How to pay',
  payOnline: 'Pay online in the customer portal, free from a bank account',
  payMail: (payee) => `By mail: check payable to ${payee}`,
  coupon: 'Detach and return this coupon with your payment',
  amountEnclosed: 'Amount enclosed',
  questions: (phone, hours) => `Questions? Call ${phone} (${hours}).`,
};

const es: StatementCopy = {
  title: 'Estado de cuenta mensual',
  statementDate: 'Fecha del estado',
  accountNumber: 'Número de cuenta',
  period: (from, to) => `${from} – ${to}`,
  vehicle: 'Vehículo',
  amountDue: 'Monto a pagar',
  dueBy: (date) => `Vence el ${date}`,
  current: 'Pago actual',
  pastDue: 'Monto vencido',
  unpaidFees: 'Cargos pendientes',
  credit: 'Saldo a favor',
  totalDue: 'Total a pagar',
  summaryHeading: 'Resumen de la cuenta',
  previousBalance: 'Saldo anterior',
  payments: 'Pagos y devoluciones',
  interestCharged: 'Intereses cargados',
  feesCharged: 'Cargos cobrados',
  otherActivity: 'Otros ajustes',
  newBalance: 'Saldo nuevo',
  activityHeading: 'Movimientos del período',
  noActivity: 'Sin movimientos en este período.',
  interestLine: (from, to) => (from === to ? `Intereses, ${to}` : `Intereses, del ${from} al ${to}`),
  colDate: 'Fecha',
  colDescription: 'Descripción',
  colPrincipal: 'Capital',
  colInterest: 'Intereses',
  colFees: 'Cargos',
  colAmount: 'Monto',
  totalPaid: 'Total pagado en el período',
  yearHeading: 'Este año',
  interestYtd: (year) => `Intereses pagados en ${year}`,
  perDiem: 'Interés diario',
  payoffHeading: 'Su monto de liquidación',
  payoff: (phone) =>
    `El saldo nuevo no es el monto que liquida su cuenta: los intereses se acumulan a diario. Obtenga una cotización de liquidación en el portal de clientes o llamando al ${phone}.`,
  mileageHeading: 'Millaje del arrendamiento',
  mileage: (perYear, toDate, rate) =>
    `Su arrendamiento permite ${perYear} millas al año, unas ${toDate} millas a la fecha. Las millas por encima del límite al devolver el vehículo cuestan ${rate} por milla.`,
  messagesHeading: 'Mensajes',
  messages: {
    past_due: ({ days, amount }) =>
      `Su cuenta tiene ${days} días de atraso. Pague ahora el monto vencido de ${amount} para evitar más cargos y el reporte a las agencias de crédito.`,
    autopay: ({ due }) =>
      `Está inscrito en pagos automáticos: cobraremos su pago antes del ${due}. No necesita hacer nada.`,
    late_charge: () =>
      'Puede aplicarse un cargo por mora si su pago llega después del período de gracia indicado en su contrato.',
    final_payment: () => 'Este es su último pago programado. Gracias por elegirnos.',
  },
  payHeading: 'Cómo pagar',
  payOnline: 'Pague en línea en el portal de clientes, gratis desde su cuenta bancaria',
  payMail: (payee) => `Por correo: cheque a nombre de ${payee}`,
  coupon: 'Desprenda y envíe este cupón con su pago',
  amountEnclosed: 'Monto incluido',
  questions: (phone, hours) => `¿Preguntas? Llame al ${phone} (${hours}).`,
};

export const STATEMENT_COPY: Record<DocumentLanguage, StatementCopy> = { en, es };
