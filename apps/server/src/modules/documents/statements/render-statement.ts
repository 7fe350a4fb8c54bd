import type { IsoDate } from '@marque/finance';
import type { BrandConfig } from '../../../platform/brand.ts';
import { box, keyValues, table } from '../pdf/blocks.ts';
import { PdfComposer } from '../pdf/composer.ts';
import { type DocumentLanguage, formatDate, formatUsd, formatUsdDecimal } from '../pdf/format.ts';
import { drawLetterhead } from '../pdf/letterhead.ts';
import { addressLines, bullets, type PostalAddress, stackedBlock } from '../pdf/parts.ts';
import { TYPE } from '../pdf/theme.ts';
import { STATEMENT_COPY } from './statement-copy.ts';
import type { StatementData } from './statement-data.ts';
import { lineDescription } from './statement-line-copy.ts';

export interface StatementRenderInput {
  brand: BrandConfig;
  language: DocumentLanguage;
  createdAt: string;
  statementDate: IsoDate;
  periodStart: IsoDate;
  dueDate: IsoDate;
  lenderAddress: PostalAddress;
  remittance: { payableTo: string; mail: PostalAddress };
  customer: { name: string; address: PostalAddress };
  accountNumber: string;
  vehicle: { year: number; make: string; model: string; trim?: string; vin: string };
  daysPastDue: number;
  data: StatementData;
}

const amount = (cents: number) => formatUsd(cents);
/** Zero split cells stay empty so the columns read at a glance. */
const cell = (cents: number) => (cents === 0 ? '' : formatUsd(cents));

/** A monthly statement: amount due up top, summary, activity with payment splits, notices, coupon. */
export async function renderStatement(input: StatementRenderInput): Promise<Uint8Array> {
  const t = STATEMENT_COPY[input.language];
  const lang = input.language;
  const { data, vehicle } = input;
  const { brand } = input.brand;
  const due = formatDate(input.dueDate, lang);
  /** A date of the period without its year: "Nov 13", "13 nov". */
  const dayOf = (iso: IsoDate) =>
    formatDate(iso, lang)
      .replace(/ de \d{4}$/, '')
      .replace(/,? \d{4}$/, '');
  const vehicleName = [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(' ');
  const c = await PdfComposer.create({
    brand: input.brand,
    language: lang,
    title: `${t.title} · ${input.accountNumber}`,
    subject: `${t.title} ${formatDate(input.statementDate, lang)}`,
    createdAt: input.createdAt,
    footerNote: `${brand.name}  ·  ${t.accountNumber} ${input.accountNumber}`,
  });
  const { theme } = c;
  drawLetterhead(c, [brand.name, ...addressLines(input.lenderAddress)]);

  c.columns([
    {
      width: 0.5,
      render: () => {
        c.space(10);
        c.text([input.customer.name, ...addressLines(input.customer.address)].join('\n'), { gapAfter: 0 });
      },
    },
    {
      width: 0.5,
      render: () => {
        c.columns(
          [
            {
              width: 0.5,
              render: () => stackedBlock(c, t.statementDate, formatDate(input.statementDate, lang)),
            },
            { width: 0.5, render: () => stackedBlock(c, t.accountNumber, input.accountNumber) },
          ],
          12,
        );
        stackedBlock(c, t.vehicle, `${vehicleName}\nVIN ${vehicle.vin}`);
      },
    },
  ]);
  c.heading(t.title, 1);
  c.text(t.period(formatDate(input.periodStart, lang), formatDate(input.statementDate, lang)), {
    color: theme.muted,
    gapAfter: 8,
  });

  const small = { size: TYPE.body - 0.5 };
  const { amountDue, summary } = data;
  c.columns(
    [
      {
        width: 0.46,
        render: () =>
          box(
            c,
            () => {
              c.caption(t.amountDue);
              c.text(amount(amountDue.total), {
                size: 24,
                bold: true,
                color: theme.primary,
                leading: 1.2,
                gapAfter: 1,
              });
              c.text(t.dueBy(due), { bold: true, gapAfter: 8 });
              const rows = [{ label: t.current, value: amount(amountDue.current) }];
              if (amountDue.pastDue) rows.push({ label: t.pastDue, value: amount(amountDue.pastDue) });
              if (amountDue.fees) rows.push({ label: t.unpaidFees, value: amount(amountDue.fees) });
              if (amountDue.credit) rows.push({ label: t.credit, value: amount(-amountDue.credit) });
              keyValues(c, rows, { ...small, ruled: true, valueWidth: 0.4 });
              keyValues(c, [{ label: t.totalDue, value: amount(amountDue.total), bold: true }], {
                ...small,
                valueWidth: 0.4,
              });
            },
            { fill: theme.tint, accentBar: theme.primary, padding: 12 },
          ),
      },
      {
        width: 0.54,
        render: () => {
          c.heading(t.summaryHeading);
          keyValues(
            c,
            [
              { label: t.previousBalance, value: amount(summary.previousBalance) },
              { label: t.payments, value: amount(summary.payments) },
              { label: t.interestCharged, value: amount(summary.interestCharged) },
              { label: t.feesCharged, value: amount(summary.feesCharged) },
              ...(summary.otherActivity
                ? [{ label: t.otherActivity, value: amount(summary.otherActivity) }]
                : []),
            ],
            { ...small, ruled: true, valueWidth: 0.3 },
          );
          keyValues(c, [{ label: t.newBalance, value: amount(summary.newBalance), bold: true }], {
            ...small,
            valueWidth: 0.3,
          });
        },
      },
    ],
    22,
  );
  c.space(8);

  c.heading(t.activityHeading);
  if (data.lines.length === 0) c.text(t.noActivity, { color: theme.muted });
  else {
    const { paymentTotals: p } = data;
    table(
      c,
      [
        { header: t.colDate, width: 0.14 },
        { header: t.colDescription, width: 0.34 },
        { header: t.colPrincipal, width: 0.13, align: 'right' },
        { header: t.colInterest, width: 0.13, align: 'right' },
        { header: t.colFees, width: 0.11, align: 'right' },
        { header: t.colAmount, width: 0.15, align: 'right' },
      ],
      [
        ...data.lines.map((l) => ({
          cells: [
            dayOf(l.date),
            l.interest
              ? t.interestLine(dayOf(l.interest.from), dayOf(l.interest.to))
              : lineDescription(l.description, lang),
            l.split ? cell(l.split.principal) : '',
            l.split ? cell(l.split.interest) : '',
            l.split ? cell(l.split.fees) : '',
            amount(l.amountCents),
          ],
        })),
        {
          cells: [
            '',
            t.totalPaid,
            amount(p.principal),
            amount(p.interest),
            amount(p.fees),
            amount(summary.payments),
          ],
          total: true,
        },
      ],
      { zebra: true, size: TYPE.small },
    );
  }

  c.columns(
    [
      {
        width: 0.5,
        render: () => {
          c.heading(t.yearHeading);
          keyValues(
            c,
            [
              { label: t.interestYtd(input.statementDate.slice(0, 4)), value: amount(data.interestPaidYtd) },
              ...(data.perDiem ? [{ label: t.perDiem, value: formatUsdDecimal(data.perDiem) }] : []),
            ],
            { ...small, ruled: true, valueWidth: 0.36 },
          );
          c.heading(t.messagesHeading);
          bullets(
            c,
            data.messages.map((m) =>
              t.messages[m]({ days: input.daysPastDue, due, amount: amount(data.amountDue.pastDue) }),
            ),
            { size: TYPE.small },
          );
        },
      },
      {
        width: 0.5,
        render: () => {
          c.heading(t.payoffHeading);
          c.text(t.payoff(brand.supportPhone), { size: TYPE.small, gapAfter: 4 });
          if (data.lease) {
            c.heading(t.mileageHeading);
            c.text(
              t.mileage(
                data.lease.allowancePerYear.toLocaleString('en-US'),
                data.lease.milesAllowedToDate.toLocaleString('en-US'),
                amount(data.lease.excessRateCents),
              ),
              { size: TYPE.small, gapAfter: 4 },
            );
          }
          const hours =
            lang === 'es' ? (brand.supportHoursByLanguage?.es ?? brand.supportHours) : brand.supportHours;
          c.text(t.questions(brand.supportPhone, hours), {
            size: TYPE.small,
            color: theme.muted,
            gapAfter: 0,
          });
        },
      },
    ],
    22,
  );

  // The remittance coupon: kept whole at the foot of the statement.
  const coupon = () => {
    c.rule(theme.muted, 0.6);
    c.text(t.coupon, { size: TYPE.tiny, color: theme.muted, gapAfter: 6 });
    c.columns(
      [
        {
          width: 0.5,
          render: () => {
            c.text(t.payOnline, { size: TYPE.small, bold: true, gapAfter: 2 });
            c.text(
              `${t.payMail(input.remittance.payableTo)}, ${addressLines(input.remittance.mail).join(', ')}`,
              {
                size: TYPE.small,
                gapAfter: 0,
              },
            );
          },
        },
        {
          width: 0.5,
          render: () =>
            keyValues(
              c,
              [
                { label: t.accountNumber, value: input.accountNumber },
                { label: t.dueBy(due), value: amount(amountDue.total), bold: true },
                { label: t.amountEnclosed, value: '$ ____________' },
              ],
              { size: TYPE.small, ruled: true, valueWidth: 0.45 },
            ),
        },
      ],
      20,
    );
  };
  c.ensureSpace(c.measureHeight(coupon));
  coupon();
  return c.finish();
}
