import type { Cents, IsoDate, PayoffQuote } from '@marque/finance';
import type { BrandConfig } from '../../platform/brand.ts';
import { PAYOFF_LETTER_COPY } from './payoff-letter-copy.ts';
import { box, keyValues } from './pdf/blocks.ts';
import { PdfComposer } from './pdf/composer.ts';
import { type DocumentLanguage, formatDate, formatUsd, formatUsdDecimal } from './pdf/format.ts';
import { describeVehicle, drawLetterOpening } from './pdf/letter-opening.ts';
import { addressLines, bullets, type PostalAddress, signature } from './pdf/parts.ts';
import { TYPE } from './pdf/theme.ts';

export interface PayoffLetterInput {
  brand: BrandConfig;
  language: DocumentLanguage;
  /** The date printed on the letter. */
  letterDate: IsoDate;
  /** ISO 8601 instant the letter is produced; stored as the PDF creation date. */
  createdAt: string;
  quoteNumber?: string;
  /** The lender's correspondence address for the letterhead. */
  lenderAddress: PostalAddress;
  customer: { name: string; address: PostalAddress };
  accountNumber: string;
  vehicle: { year: number; make: string; model: string; trim?: string; vin: string };
  /** As returned by `payoffQuote` from @marque/finance. */
  quote: Pick<PayoffQuote, 'payoff' | 'principal' | 'interest' | 'fees' | 'goodThrough' | 'perDiem'>;
  /**
   * A lease's payoff in its parts (then `principal` and `interest` are not shown): the
   * remaining payments, the purchase option price (residual) and the sales tax on it.
   */
  lease?: { remainingPayments: Cents; purchasePrice: Cents; purchaseTax: Cents };
  remittance: {
    payableTo: string;
    mail: PostalAddress;
    overnight?: PostalAddress;
    wire?: { bankName: string; routingNumber: string; accountNumber: string; accountName: string };
  };
  /** Business days from the payoff clearing to the lien release (state law sets the maximum). */
  lienReleaseBusinessDays: number;
}

/** A payoff letter: the amount good through a date, the per diem after it, and where to send it. */
export async function renderPayoffLetter(input: PayoffLetterInput): Promise<Uint8Array> {
  const t = PAYOFF_LETTER_COPY[input.language];
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
    ...(input.quoteNumber
      ? { footerNote: `${input.brand.brand.name}  ·  ${t.quoteNumber} ${input.quoteNumber}` }
      : {}),
  });
  const { theme } = c;
  drawLetterOpening(c, {
    brand: input.brand,
    language: lang,
    lenderAddress: input.lenderAddress,
    customer: input.customer,
    accountNumber: input.accountNumber,
    vehicle,
    date: input.letterDate,
    title: t.title,
    copy: t,
  });

  box(
    c,
    () => {
      c.columns(
        [
          {
            width: 0.4,
            render: () => {
              c.caption(t.payoffCaption);
              c.text(formatUsd(quote.payoff), {
                size: 24,
                bold: true,
                color: theme.primary,
                leading: 1.2,
                gapAfter: 1,
              });
              c.text(t.goodThrough(goodThrough), { bold: true, gapAfter: 8 });
              c.text(
                input.lease
                  ? t.leaseNoPerDiem
                  : t.perDiem(formatUsdDecimal(quote.perDiem.amount), goodThrough),
                { size: TYPE.small, gapAfter: 0 },
              );
            },
          },
          {
            width: 0.6,
            render: () => {
              c.caption(t.breakdownHeading);
              const small = { size: TYPE.body - 0.5 };
              keyValues(
                c,
                input.lease
                  ? [
                      { label: t.leasePayments, value: formatUsd(input.lease.remainingPayments) },
                      { label: t.leasePurchasePrice, value: formatUsd(input.lease.purchasePrice) },
                      ...(input.lease.purchaseTax > 0
                        ? [{ label: t.leasePurchaseTax, value: formatUsd(input.lease.purchaseTax) }]
                        : []),
                      { label: t.fees, value: formatUsd(quote.fees) },
                    ]
                  : [
                      { label: t.principal, value: formatUsd(quote.principal) },
                      { label: t.interest(goodThrough), value: formatUsd(quote.interest) },
                      { label: t.fees, value: formatUsd(quote.fees) },
                    ],
                { ...small, ruled: true, valueWidth: 0.26 },
              );
              keyValues(c, [{ label: t.total, value: formatUsd(quote.payoff), bold: true }], {
                ...small,
                valueWidth: 0.26,
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
  const r = input.remittance;
  const methods: Array<{ title: string; note?: string; lines: string[] }> = [
    { title: t.byMail, note: t.byMailNote(r.payableTo), lines: addressLines(r.mail) },
  ];
  if (r.overnight) methods.push({ title: t.overnight, lines: addressLines(r.overnight) });
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
  const small = { size: TYPE.small, gapAfter: 0 };
  c.columns(
    methods.map((m) => ({
      width: 1 / methods.length,
      render: () => {
        c.text(m.title, { bold: true, size: TYPE.small + 0.5, gapAfter: 1 });
        if (m.note) c.text(m.note, { ...small, color: theme.muted, gapAfter: 4 });
        c.text(m.lines.join('\n'), small);
      },
    })),
    20,
  );
  c.space(8);
  c.columns(
    [
      {
        width: 0.42,
        render: () => {
          c.heading(t.lienHeading);
          c.text(t.lien(input.lienReleaseBusinessDays), small);
        },
      },
      {
        width: 0.58,
        render: () => {
          c.heading(t.notesHeading);
          bullets(c, t.notes, { size: TYPE.small });
        },
      },
    ],
    20,
  );
  c.space(6);
  signature(c, t.closing, [t.department, input.brand.brand.name]);
  return c.finish();
}
