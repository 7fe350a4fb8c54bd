import type { LeasePurchaseQuote } from '@marque/contracts';
import type { BrandConfig } from '../../platform/brand.ts';
import {
  addressLines,
  box,
  bullets,
  type DocumentLanguage,
  describeVehicle,
  drawLetterOpening,
  formatDate,
  formatUsd,
  keyValues,
  type LenderDetails,
  PdfComposer,
  type PostalAddress,
  signature,
  TYPE,
} from '../documents/index.ts';
import { PURCHASE_QUOTE_COPY } from './purchase-quote-copy.ts';

export interface PurchaseQuoteInput {
  brand: BrandConfig;
  lender: LenderDetails;
  language: DocumentLanguage;
  /** ISO instant stored as the PDF creation date: the same input renders the same bytes. */
  createdAt: string;
  customer: { name: string; address: PostalAddress };
  accountNumber: string;
  vehicle: { year: number; make: string; model: string; trim: string; vin: string };
  quote: LeasePurchaseQuote;
}

/** The lease purchase quote letter, laid out like the payoff letter with the documents kit. */
export async function renderPurchaseQuote(input: PurchaseQuoteInput): Promise<Uint8Array> {
  const t = PURCHASE_QUOTE_COPY[input.language];
  const lang = input.language;
  const { quote, vehicle } = input;
  const goodThrough = formatDate(quote.goodThrough, lang);
  const vehicleName = describeVehicle(vehicle);
  const c = await PdfComposer.create({
    brand: input.brand,
    language: lang,
    title: `${t.title} · ${input.accountNumber}`,
    subject: `${t.title} ${vehicleName}`,
    createdAt: input.createdAt,
    footerNote: `${input.brand.brand.name}  ·  ${t.quoteNumber} ${quote.quoteNumber}`,
  });
  const { theme } = c;
  drawLetterOpening(c, {
    brand: input.brand,
    language: lang,
    lenderAddress: input.lender.correspondence,
    customer: input.customer,
    accountNumber: input.accountNumber,
    vehicle,
    date: quote.quoteDate,
    title: t.title,
    copy: t,
  });

  const small = { size: TYPE.body - 0.5 };
  // The stored rate has four decimals ("7.7500"); a letter prints "7.75".
  const taxRate = quote.salesTaxRate.includes('.')
    ? quote.salesTaxRate.replace(/\.?0+$/, '')
    : quote.salesTaxRate;
  box(
    c,
    () => {
      c.columns(
        [
          {
            width: 0.38,
            render: () => {
              c.caption(t.totalCaption);
              c.text(formatUsd(quote.total.amount), {
                size: 24,
                bold: true,
                color: theme.primary,
                leading: 1.2,
                gapAfter: 1,
              });
              c.text(t.goodThrough(goodThrough), { bold: true, gapAfter: 8 });
              c.text(t.afterDate, { size: TYPE.small, gapAfter: 0 });
            },
          },
          {
            width: 0.62,
            render: () => {
              c.caption(t.breakdownHeading);
              keyValues(
                c,
                [
                  { label: t.residual, value: formatUsd(quote.residual.amount) },
                  { label: t.purchaseOptionFee, value: formatUsd(quote.purchaseOptionFee.amount) },
                  {
                    label: t.purchaseOptionPrice,
                    value: formatUsd(quote.purchaseOptionPrice.amount),
                    bold: true,
                  },
                  { label: t.tax(taxRate), value: formatUsd(quote.tax.amount) },
                  { label: t.remainingPayments, value: formatUsd(quote.remainingPayments.amount) },
                  ...(quote.fees.amount > 0 ? [{ label: t.fees, value: formatUsd(quote.fees.amount) }] : []),
                ],
                { ...small, ruled: true, valueWidth: 0.28 },
              );
              keyValues(c, [{ label: t.total, value: formatUsd(quote.total.amount), bold: true }], {
                ...small,
                valueWidth: 0.28,
              });
            },
          },
        ],
        28,
      );
    },
    { fill: theme.tint, accentBar: theme.primary, padding: 14 },
  );
  c.space(14);

  c.heading(t.sendHeading);
  const r = input.lender.remittance;
  const text = { size: TYPE.small, gapAfter: 0 };
  const methods: Array<{ title: string; note?: string; lines: string[] }> = [
    { title: t.byMail, note: t.byMailNote(r.payableTo), lines: addressLines(r.mail) },
  ];
  if (r.wire) {
    methods.push({
      title: t.byWire,
      lines: [
        `${t.wireBank}: ${r.wire.bankName}`,
        `${t.wireRouting}: ${r.wire.routingNumber}`,
        `${t.wireAccount}: ${r.wire.accountNumber}`,
        `${t.wireName}: ${r.wire.accountName}`,
        `${t.wireReference}: ${input.accountNumber}`,
      ],
    });
  }
  c.columns(
    methods.map((m) => ({
      width: 1 / methods.length,
      render: () => {
        c.text(m.title, { bold: true, size: TYPE.small + 0.5, gapAfter: 1 });
        if (m.note) c.text(m.note, { ...text, color: theme.muted, gapAfter: 4 });
        c.text(m.lines.join('\n'), text);
      },
    })),
    20,
  );
  c.space(8);
  c.heading(t.notesHeading);
  bullets(c, t.notes, { size: TYPE.small });
  c.space(6);
  signature(c, t.closing, [t.department, input.brand.brand.name]);
  return c.finish();
}
