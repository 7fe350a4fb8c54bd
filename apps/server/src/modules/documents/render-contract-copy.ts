import type { IsoDate } from '@marque/finance';
import type { BrandConfig } from '../../platform/brand.ts';
import { box, keyValues } from './pdf/blocks.ts';
import { PdfComposer } from './pdf/composer.ts';
import { type DocumentLanguage, formatDate, formatUsd } from './pdf/format.ts';
import { drawLetterhead } from './pdf/letterhead.ts';
import { addressLines, bullets, type PostalAddress, stackedBlock } from './pdf/parts.ts';
import { TYPE } from './pdf/theme.ts';

/** A copy of the key terms of a contract as disclosed at signing (TILA box or Reg M box). */
export interface ContractCopyInput {
  brand: BrandConfig;
  language: DocumentLanguage;
  createdAt: string;
  lenderAddress: PostalAddress;
  customer: { name: string; address: PostalAddress };
  accountNumber: string;
  vehicle: { year: number; make: string; model: string; trim?: string; vin: string };
  contractDate: IsoDate;
  firstPaymentDate: IsoDate;
  termMonths: number;
  paymentCents: number;
  terms:
    | { type: 'loan'; apr: string; amountFinancedCents: number }
    | {
        type: 'lease';
        grossCapCostCents: number;
        capCostReductionCents: number;
        residualCents: number;
        mileageAllowancePerYear: number;
        excessMileageRateCents: number;
      };
}

const COPY = {
  en: {
    loanTitle: 'Retail installment contract: summary of terms',
    leaseTitle: 'Closed-end lease agreement: summary of terms',
    intro:
      'This is a copy of the key terms disclosed to you when you signed. The signed contract controls; ask us for a full copy at any time.',
    contractDate: 'Contract date',
    account: 'Account number',
    vehicle: 'Vehicle',
    apr: 'Annual percentage rate',
    financeCharge: 'Finance charge',
    amountFinanced: 'Amount financed',
    totalOfPayments: 'Total of payments',
    schedule: 'Payment schedule',
    scheduleText: (n: number, amount: string, first: string) =>
      `${n} monthly payments of ${amount} starting ${first}`,
    grossCap: 'Gross capitalized cost',
    capReduction: 'Capitalized cost reduction',
    residual: 'Residual value',
    mileage: 'Mileage allowance',
    mileageText: (miles: string, rate: string) => `${miles} miles a year; ${rate} a mile over`,
    notesHeading: 'Good to know',
    loanNotes: [
      'You may prepay all or part of the amount financed at any time without penalty.',
      'A late charge applies to a payment not received within the grace period of your contract.',
    ],
    leaseNotes: [
      'At the end of the lease you may return the vehicle or buy it for the residual value plus fees and taxes.',
      'Excess wear and miles over the allowance are charged at turn-in.',
    ],
  },
  es: {
    loanTitle: 'Contrato de venta a plazos: resumen de términos',
    leaseTitle: 'Contrato de arrendamiento cerrado: resumen de términos',
    intro:
      'Esta es una copia de los términos principales que se le informaron al firmar. Rige el contrato firmado; pídanos una copia completa cuando quiera.',
    contractDate: 'Fecha del contrato',
    account: 'Número de cuenta',
    vehicle: 'Vehículo',
    apr: 'Tasa de porcentaje anual',
    financeCharge: 'Cargo financiero',
    amountFinanced: 'Monto financiado',
    totalOfPayments: 'Total de pagos',
    schedule: 'Calendario de pagos',
    scheduleText: (n: number, amount: string, first: string) =>
      `${n} pagos mensuales de ${amount} desde el ${first}`,
    grossCap: 'Costo capitalizado bruto',
    capReduction: 'Reducción del costo capitalizado',
    residual: 'Valor residual',
    mileage: 'Millaje permitido',
    mileageText: (miles: string, rate: string) => `${miles} millas al año; ${rate} por milla adicional`,
    notesHeading: 'Para tener en cuenta',
    loanNotes: [
      'Puede pagar por adelantado todo o parte del monto financiado en cualquier momento, sin penalidad.',
      'Se cobra un cargo por mora si un pago no llega dentro del período de gracia de su contrato.',
    ],
    leaseNotes: [
      'Al final del arrendamiento puede devolver el vehículo o comprarlo por el valor residual más cargos e impuestos.',
      'El desgaste excesivo y las millas por encima del límite se cobran al devolverlo.',
    ],
  },
} as const;

export async function renderContractCopy(input: ContractCopyInput): Promise<Uint8Array> {
  const t = COPY[input.language];
  const lang = input.language;
  const { vehicle, terms } = input;
  const title = terms.type === 'loan' ? t.loanTitle : t.leaseTitle;
  const c = await PdfComposer.create({
    brand: input.brand,
    language: lang,
    title,
    createdAt: input.createdAt,
  });
  drawLetterhead(c, [input.brand.brand.name, ...addressLines(input.lenderAddress)]);
  c.columns([
    {
      width: 0.5,
      render: () => c.text([input.customer.name, ...addressLines(input.customer.address)].join('\n')),
    },
    {
      width: 0.5,
      render: () => {
        stackedBlock(c, t.contractDate, formatDate(input.contractDate, lang));
        stackedBlock(c, t.account, input.accountNumber);
        stackedBlock(
          c,
          t.vehicle,
          `${[vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(' ')}\nVIN ${vehicle.vin}`,
        );
      },
    },
  ]);
  c.heading(title, 1);
  c.text(t.intro, { gapAfter: 10 });
  const schedule = t.scheduleText(
    input.termMonths,
    formatUsd(input.paymentCents),
    formatDate(input.firstPaymentDate, lang),
  );
  const total = input.paymentCents * input.termMonths;
  box(
    c,
    () =>
      keyValues(
        c,
        terms.type === 'loan'
          ? [
              { label: t.apr, value: `${Number(terms.apr).toFixed(2)}%`, bold: true },
              { label: t.financeCharge, value: formatUsd(total - terms.amountFinancedCents) },
              { label: t.amountFinanced, value: formatUsd(terms.amountFinancedCents) },
              { label: t.totalOfPayments, value: formatUsd(total) },
              { label: t.schedule, value: schedule },
            ]
          : [
              { label: t.grossCap, value: formatUsd(terms.grossCapCostCents) },
              { label: t.capReduction, value: formatUsd(terms.capCostReductionCents) },
              { label: t.residual, value: formatUsd(terms.residualCents) },
              { label: t.totalOfPayments, value: formatUsd(total), bold: true },
              { label: t.schedule, value: schedule },
              {
                label: t.mileage,
                value: t.mileageText(
                  terms.mileageAllowancePerYear.toLocaleString('en-US'),
                  formatUsd(terms.excessMileageRateCents),
                ),
              },
            ],
        { ruled: true, valueWidth: 0.5 },
      ),
    { fill: c.theme.tint, accentBar: c.theme.primary },
  );
  c.space(12);
  c.heading(t.notesHeading);
  bullets(c, terms.type === 'loan' ? t.loanNotes : t.leaseNotes, { size: TYPE.small });
  return c.finish();
}
