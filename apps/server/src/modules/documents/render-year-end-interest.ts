import type { IsoDate } from '@marque/finance';
import type { BrandConfig } from '../../platform/brand.ts';
import { box, keyValues } from './pdf/blocks.ts';
import { PdfComposer } from './pdf/composer.ts';
import { type DocumentLanguage, formatDate, formatUsd } from './pdf/format.ts';
import { drawLetterhead } from './pdf/letterhead.ts';
import { addressLines, bullets, type PostalAddress } from './pdf/parts.ts';
import { TYPE } from './pdf/theme.ts';

/** The year-end interest statement: the facts of Form 1098-VLI (vehicle loan interest). */
export interface YearEndInterestInput {
  brand: BrandConfig;
  language: DocumentLanguage;
  createdAt: string;
  taxYear: number;
  lenderAddress: PostalAddress;
  customer: { name: string; address: PostalAddress };
  accountNumber: string;
  vin: string;
  originationDate: IsoDate;
  principalCents: number;
  interestPaidCents: number;
}

const COPY = {
  en: {
    title: (y: number) => `${y} year-end interest statement`,
    intro: (y: number) =>
      `This statement shows the interest you paid on your vehicle loan in ${y}. Keep it with your tax records; vehicle loan interest may be deductible (Form 1098-VLI). Ask a tax adviser whether it applies to you.`,
    interest: (y: number) => `Box 1. Interest received from borrower in ${y}`,
    origination: 'Box 2. Loan origination date',
    principal: 'Box 3. Outstanding principal at origination',
    vin: 'Box 4. Vehicle identification number (VIN)',
    account: 'Account number',
    recipient: 'Recipient (lender)',
    borrower: 'Borrower',
    notes: [
      'Interest is what you paid in the calendar year, whatever period it accrued in; fees and principal are not included.',
      'A payment returned unpaid reduces the interest paid in the year it was returned.',
    ],
  },
  es: {
    title: (y: number) => `Estado de intereses de fin de año ${y}`,
    intro: (y: number) =>
      `Este estado muestra los intereses que pagó por su préstamo de vehículo en ${y}. Guárdelo con sus registros fiscales; los intereses de préstamos de vehículos pueden ser deducibles (Formulario 1098-VLI). Consulte a un asesor fiscal.`,
    interest: (y: number) => `Casilla 1. Intereses recibidos del prestatario en ${y}`,
    origination: 'Casilla 2. Fecha de origen del préstamo',
    principal: 'Casilla 3. Capital pendiente al origen',
    vin: 'Casilla 4. Número de identificación del vehículo (VIN)',
    account: 'Número de cuenta',
    recipient: 'Receptor (prestamista)',
    borrower: 'Prestatario',
    notes: [
      'Los intereses son los pagados en el año calendario, sin importar el período en que se acumularon; no incluyen cargos ni capital.',
      'Un pago devuelto sin pagar reduce los intereses pagados en el año en que se devolvió.',
    ],
  },
} as const;

export async function renderYearEndInterest(input: YearEndInterestInput): Promise<Uint8Array> {
  const t = COPY[input.language];
  const lang = input.language;
  const { brand } = input.brand;
  const title = t.title(input.taxYear);
  const c = await PdfComposer.create({
    brand: input.brand,
    language: lang,
    title,
    createdAt: input.createdAt,
  });
  drawLetterhead(c, [brand.name, ...addressLines(input.lenderAddress)]);
  c.columns([
    {
      width: 0.5,
      render: () => {
        c.caption(t.borrower);
        c.text([input.customer.name, ...addressLines(input.customer.address)].join('\n'));
      },
    },
    {
      width: 0.5,
      render: () => {
        c.caption(t.recipient);
        c.text([brand.name, ...addressLines(input.lenderAddress)].join('\n'));
      },
    },
  ]);
  c.heading(title, 1);
  c.text(t.intro(input.taxYear), { gapAfter: 10 });
  box(
    c,
    () =>
      keyValues(
        c,
        [
          { label: t.interest(input.taxYear), value: formatUsd(input.interestPaidCents), bold: true },
          { label: t.origination, value: formatDate(input.originationDate, lang) },
          { label: t.principal, value: formatUsd(input.principalCents) },
          { label: t.vin, value: input.vin },
          { label: t.account, value: input.accountNumber },
        ],
        { ruled: true, valueWidth: 0.34 },
      ),
    { fill: c.theme.tint, accentBar: c.theme.primary },
  );
  c.space(12);
  bullets(c, t.notes, { size: TYPE.small });
  return c.finish();
}
