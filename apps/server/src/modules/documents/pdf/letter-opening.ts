import type { BrandConfig } from '../../../platform/brand.ts';
import type { PdfComposer } from './composer.ts';
import { type DocumentLanguage, formatDate } from './format.ts';
import { drawLetterhead } from './letterhead.ts';
import { addressLines, type PostalAddress, stackedBlock } from './parts.ts';

export interface LetterVehicle {
  year: number | string;
  make: string;
  model: string;
  trim?: string | null;
  vin: string;
}

export interface LetterOpening {
  brand: BrandConfig;
  language: DocumentLanguage;
  lenderAddress: PostalAddress;
  customer: { name: string; address: PostalAddress };
  accountNumber: string;
  vehicle: LetterVehicle;
  date: string;
  title: string;
  /** The labels and sentences of the letter's own copy, in its language. */
  copy: {
    date: string;
    accountNumber: string;
    vehicle: string;
    vin: string;
    greeting: (name: string) => string;
    intro: (vehicleName: string) => string;
    questions: (phone: string, hours: string) => string;
  };
}

export function describeVehicle(vehicle: LetterVehicle): string {
  return [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(' ');
}

/**
 * The top of every customer letter (payoff letter, purchase quote): letterhead, the recipient
 * where a window envelope shows it with the reference details opposite, the title, greeting and
 * the opening paragraph with how to reach us.
 */
export function drawLetterOpening(c: PdfComposer, letter: LetterOpening): void {
  const { copy: t, vehicle } = letter;
  drawLetterhead(c, [letter.brand.brand.name, ...addressLines(letter.lenderAddress)]);
  c.columns([
    {
      width: 0.5,
      render: () => {
        c.space(10);
        c.text([letter.customer.name, ...addressLines(letter.customer.address)].join('\n'), { gapAfter: 0 });
      },
    },
    {
      width: 0.5,
      render: () => {
        c.columns(
          [
            { width: 0.5, render: () => stackedBlock(c, t.date, formatDate(letter.date, letter.language)) },
            { width: 0.5, render: () => stackedBlock(c, t.accountNumber, letter.accountNumber) },
          ],
          12,
        );
        stackedBlock(c, t.vehicle, `${describeVehicle(vehicle)}\n${t.vin} ${vehicle.vin}`);
      },
    },
  ]);
  c.space(4);
  c.heading(letter.title, 1);
  c.text(t.greeting(letter.customer.name), { gapAfter: 4 });
  const { supportPhone, supportHours } = letter.brand.brand;
  c.text(`${t.intro(describeVehicle(vehicle))} ${t.questions(supportPhone, supportHours)}`, { gapAfter: 12 });
}
