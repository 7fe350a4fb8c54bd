import type { Transaction } from '@marque/contracts';
import { cents, formatMoney } from '@marque/finance';

const HEADER = [
  'Date',
  'Posted',
  'Type',
  'Description',
  'Amount',
  'Fees',
  'Interest',
  'Principal',
  'Balance',
  'Confirmation',
  'Status',
];

/** Dollars without currency symbol or grouping ("-1234.56"), so spreadsheets read them as numbers. */
const plain = (amountCents: number) => formatMoney(cents(amountCents));

/** RFC 4180 quoting; a leading = + - @ is neutralised so no cell runs as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-\d/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function transactionsCsv(rows: readonly Transaction[]): string {
  const lines = rows.map((t) =>
    [
      t.effectiveDate,
      t.postedDate,
      t.type,
      t.description,
      plain(t.amount.amount),
      t.split ? plain(t.split.fees.amount) : '',
      t.split ? plain(t.split.interest.amount) : '',
      t.split ? plain(t.split.principal.amount) : '',
      plain(t.balance.amount),
      t.payment?.confirmationNumber ?? '',
      t.payment?.status ?? '',
    ]
      .map(cell)
      .join(','),
  );
  return `${[HEADER.join(','), ...lines].join('\r\n')}\r\n`;
}
