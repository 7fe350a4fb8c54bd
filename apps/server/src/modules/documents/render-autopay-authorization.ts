import type { IsoDate } from '@marque/finance';
import type { BrandConfig } from '../../platform/brand.ts';
import { AUTOPAY_AUTHORIZATION_COPY, type AutopayAuthorizationCopy } from './autopay-authorization-copy.ts';
import { box, keyValues } from './pdf/blocks.ts';
import { PdfComposer } from './pdf/composer.ts';
import { type DocumentLanguage, formatDate, formatInstant, formatUsd, maskAccount } from './pdf/format.ts';
import { drawLetterhead } from './pdf/letterhead.ts';
import { addressLines, bullets, type PostalAddress, stackedBlock } from './pdf/parts.ts';
import { TYPE } from './pdf/theme.ts';

/** How much each autopay draft is. */
export type AutopayAmountRule =
  | { kind: 'amount_due' }
  | { kind: 'amount_due_plus_extra'; extraCents: number }
  | { kind: 'fixed'; amountCents: number };

export interface AutopayAuthorizationInput {
  brand: BrandConfig;
  language: DocumentLanguage;
  /** ISO 8601 instant the copy is produced; stored as the PDF creation date. */
  createdAt: string;
  lenderAddress: PostalAddress;
  customer: { name: string; address?: PostalAddress; email?: string };
  accountNumber: string;
  vehicleDescription?: string;
  bankAccount: { type: 'checking' | 'savings'; last4: string; routingNumber: string; bankName?: string };
  amount: AutopayAmountRule;
  /** Days before each due date the draft is made (0 = on the due date). */
  daysBeforeDue: number;
  firstDraftDate?: IsoDate;
  /** Exactly what the customer accepted, with the version and the evidence of acceptance. */
  authorization: {
    text: string;
    version: string;
    acceptedAt: string;
    ipAddress: string;
    userAgent?: string;
    confirmationNumber?: string;
  };
  /** Reg E § 1005.10(c): notice needed to stop a preauthorised transfer (default 3). */
  stopNoticeBusinessDays?: number;
}

/** The amount rule in words; a varying amount also gets the Reg E § 1005.10(d) notice promise. */
function amountText(t: AutopayAuthorizationCopy, rule: AutopayAmountRule): string {
  if (rule.kind === 'amount_due') return `${t.amountDue}. ${t.varying}`;
  if (rule.kind === 'amount_due_plus_extra')
    return `${t.amountDuePlus(formatUsd(rule.extraCents))}. ${t.varying}`;
  return t.fixed(formatUsd(rule.amountCents));
}

/**
 * The customer's copy of a Reg E preauthorised-debit authorisation (12 CFR 1005.10(b) requires
 * that the consumer get one): what was authorised, the exact text and version accepted, the
 * evidence of acceptance, and how to stop payments.
 */
export async function renderAutopayAuthorization(input: AutopayAuthorizationInput): Promise<Uint8Array> {
  const t = AUTOPAY_AUTHORIZATION_COPY[input.language];
  const lang = input.language;
  const auth = input.authorization;
  const brand = input.brand.brand;
  const stopDays = input.stopNoticeBusinessDays ?? 3;
  const c = await PdfComposer.create({
    brand: input.brand,
    language: lang,
    title: `${t.title} · ${input.accountNumber}`,
    subject: `${t.title} ${t.version} ${auth.version}`,
    createdAt: input.createdAt,
    footerNote: `${brand.name}  ·  ${t.version} ${auth.version}${auth.confirmationNumber ? `  ·  ${t.confirmation} ${auth.confirmationNumber}` : ''}`,
  });
  const { theme } = c;
  drawLetterhead(c, [brand.name, ...addressLines(input.lenderAddress)]);

  c.heading(t.title, 1);
  c.text(`${t.subtitle} ${t.keepCopy}`, { color: theme.muted, gapAfter: 14 });
  c.columns([
    {
      width: 0.5,
      render: () => {
        c.caption(t.customer);
        const lines = [
          input.customer.name,
          ...(input.customer.address ? addressLines(input.customer.address) : []),
        ];
        if (input.customer.email) lines.push(input.customer.email);
        c.text(lines.join('\n'), { gapAfter: 0 });
      },
    },
    {
      width: 0.5,
      render: () => {
        stackedBlock(c, t.accountNumber, input.accountNumber);
        if (input.vehicleDescription) stackedBlock(c, t.vehicle, input.vehicleDescription);
      },
    },
  ]);
  c.space(12);

  c.heading(t.detailsHeading);
  const bank = input.bankAccount;
  keyValues(
    c,
    [
      {
        label: t.bankAccount,
        value: t.bankLine(
          t.accountType[bank.type],
          maskAccount(bank.last4),
          bank.bankName,
          bank.routingNumber,
        ),
      },
      { label: t.amount, value: amountText(t, input.amount) },
      { label: t.draftDate, value: t.draftDay(input.daysBeforeDue) },
      ...(input.firstDraftDate
        ? [{ label: t.firstDraft, value: formatDate(input.firstDraftDate, lang) }]
        : []),
    ],
    { ruled: true, valueWidth: 0.7, alignValues: 'left', size: TYPE.body - 0.5 },
  );
  c.space(12);

  c.heading(t.textHeading);
  box(
    c,
    () => {
      c.text(auth.text, { size: TYPE.body - 1, gapAfter: 0 });
    },
    { fill: theme.tint, accentBar: theme.primary, padding: 12 },
  );
  c.space(12);

  c.heading(t.recordHeading);
  const record: Array<[string, string, number]> = [
    [t.acceptedAt, formatInstant(auth.acceptedAt, lang), 0.36],
    [t.ipAddress, auth.ipAddress, 0.2],
    [t.version, auth.version, 0.22],
    [t.confirmation, auth.confirmationNumber ?? '—', 0.22],
  ];
  c.columns(
    record.map(([label, value, width]) => ({
      width,
      render: () => {
        c.caption(label);
        c.text(value, { size: TYPE.small + 0.5, bold: true, gapAfter: 0 });
      },
    })),
    14,
  );
  if (auth.userAgent) {
    c.space(6);
    c.text(`${t.device}: ${auth.userAgent}`, { size: TYPE.tiny, color: theme.muted, gapAfter: 0 });
  }
  c.space(14);

  c.heading(t.stopHeading);
  bullets(c, t.stopItems(brand.supportPhone, stopDays), { size: TYPE.small + 0.5 });
  return c.finish();
}
