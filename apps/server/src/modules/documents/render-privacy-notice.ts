import type { BrandConfig } from '../../platform/brand.ts';
import { table } from './pdf/blocks.ts';
import { PdfComposer } from './pdf/composer.ts';
import type { DocumentLanguage } from './pdf/format.ts';
import { drawLetterhead } from './pdf/letterhead.ts';
import { addressLines, type PostalAddress } from './pdf/parts.ts';
import { TYPE } from './pdf/theme.ts';

/** The annual privacy notice (GLBA model form layout: facts, reasons we share, how to limit). */
const COPY = {
  en: {
    title: 'Privacy notice',
    facts: (lender: string) => `FACTS: What does ${lender} do with your personal information?`,
    why: 'Financial companies choose how they share your personal information. Federal law gives consumers the right to limit some but not all sharing. Please read this notice carefully.',
    what: 'The types of personal information we collect include your Social Security number and income, your account balances and payment history, and your credit history.',
    reason: 'Reasons we can share your personal information',
    share: 'Do we share?',
    limit: 'Can you limit this sharing?',
    rows: [
      [
        'For our everyday business purposes, such as processing your payments and reporting to credit bureaus',
        'Yes',
        'No',
      ],
      ['For our marketing purposes, to offer our products and services to you', 'Yes', 'No'],
      ['For joint marketing with other financial companies', 'No', 'We do not share'],
      ['For our affiliates to market to you', 'No', 'We do not share'],
      ['For nonaffiliates to market to you', 'No', 'We do not share'],
    ],
    questions: (phone: string) => `Questions? Call ${phone}.`,
  },
  es: {
    title: 'Aviso de privacidad',
    facts: (lender: string) => `DATOS: ¿Qué hace ${lender} con su información personal?`,
    why: 'Las compañías financieras eligen cómo comparten su información personal. La ley federal da a los consumidores el derecho de limitar parte, pero no todo, de ese intercambio. Lea este aviso con atención.',
    what: 'La información personal que recopilamos incluye su número de Seguro Social e ingresos, los saldos y el historial de pagos de su cuenta, y su historial de crédito.',
    reason: 'Motivos por los que podemos compartir su información personal',
    share: '¿La compartimos?',
    limit: '¿Puede limitarlo?',
    rows: [
      [
        'Para nuestros fines comerciales diarios, como procesar sus pagos e informar a las agencias de crédito',
        'Sí',
        'No',
      ],
      ['Para nuestros fines de mercadeo, para ofrecerle nuestros productos y servicios', 'Sí', 'No'],
      ['Para mercadeo conjunto con otras compañías financieras', 'No', 'No compartimos'],
      ['Para que nuestras afiliadas le ofrezcan productos', 'No', 'No compartimos'],
      ['Para que terceros no afiliados le ofrezcan productos', 'No', 'No compartimos'],
    ],
    questions: (phone: string) => `¿Preguntas? Llame al ${phone}.`,
  },
} as const;

export async function renderPrivacyNotice(input: {
  brand: BrandConfig;
  language: DocumentLanguage;
  createdAt: string;
  lenderAddress: PostalAddress;
}): Promise<Uint8Array> {
  const t = COPY[input.language];
  const { brand } = input.brand;
  const c = await PdfComposer.create({
    brand: input.brand,
    language: input.language,
    title: t.title,
    createdAt: input.createdAt,
  });
  drawLetterhead(c, [brand.name, ...addressLines(input.lenderAddress)]);
  c.heading(t.title, 1);
  c.text(t.facts(brand.name), { bold: true, gapAfter: 8 });
  c.text(t.why);
  c.text(t.what, { gapAfter: 12 });
  table(
    c,
    [
      { header: t.reason, width: 0.6 },
      { header: t.share, width: 0.18 },
      { header: t.limit, width: 0.22 },
    ],
    t.rows.map((cells) => ({ cells })),
    { zebra: true },
  );
  c.text(t.questions(brand.supportPhone), { size: TYPE.small, color: c.theme.muted });
  return c.finish();
}
