/**
 * Documents: PDFs a lender sends its customers, and the document centre that keeps them
 * (table `documents`, ADR 0009: the bytes live in the row, every download is audited).
 *
 * Document centre
 *   documentRoutes: GET /api/v1/documents, /documents/{id}, /documents/{id}/file (customers)
 *   storeDocument(db, doc): stores a PDF once per (contract, kind, cycle)
 *   generateStatements(db, { businessDate, fromContractId, toContractId }, deps?) => { generated }
 *     the close-of-business step: a statement for each active contract of the partition whose
 *     next payment is due 20 days after the business date; idempotent per (contract, cycle).
 *     It cuts them (cutStatements: figures in documents.render_input, a fixed number of queries
 *     per 1,000 contracts); drawDocuments / drawAllDocuments / createDocumentDrawer render the
 *     PDFs afterwards, and the document centre draws a customer's pending ones before serving
 *     them (ADR 0012).
 *   Language: statements, year-end statements, contract copies and privacy notices are written in
 *   the customer's preferred language (customers.preferred_language) unless one is passed.
 *
 * Letters
 *   renderPayoffLetter(input: PayoffLetterInput): Promise<Uint8Array>
 *   renderAutopayAuthorization(input: AutopayAuthorizationInput): Promise<Uint8Array>
 * Both take `language: 'en' | 'es'` and `createdAt` (an ISO instant stored as the PDF creation
 * date): the same input always renders the same bytes.
 *
 * Layout kit (pdf/), for statements and other notices:
 *
 *   const c = await PdfComposer.create({ brand, language, title, createdAt, footerNote? });
 *   drawLetterhead(c, ['PO Box 660142', 'Dallas, TX 75266-0142']); // page one: band, logo, name
 *   c.heading('Account summary');            // level 1 (page title) or 2 (section, brand colour)
 *   c.text('Wrapped paragraph…', { size, bold, color, align, gapAfter });
 *   c.caption('Amount due'); c.space(12); c.rule();
 *   c.columns([{ width: 0.5, render: () => … }, { width: 0.5, render: () => … }]); // kept on one page
 *   keyValues(c, [{ label: 'Principal', value: formatUsd(p) }], { ruled: true });
 *   table(c, [{ header: 'Date', width: 0.2 }, …, { header: 'Amount', width: 0.2, align: 'right' }],
 *         rows, { zebra: true });                // breaks across pages, repeating its header
 *   box(c, () => …, { fill: c.theme.tint, accentBar: c.theme.primary });           // one page
 *   bullets(c, items); stackedBlock(c, label, value); signature(c, closing, lines);
 *   const bytes = await c.finish();              // footers "Page n of N", metadata, save
 *
 * The cursor `c.y` moves down the page and a new page (with a running header) starts whenever
 * the next line would reach the footer. `c.inFrame(x, width, render)` narrows the column text
 * flows in; `c.measureHeight(render)` measures without drawing; `c.paint(page => …)` draws
 * rectangles, lines and SVG paths directly (pdf/pdf-writer.ts). Money and dates: formatUsd(cents), formatUsdDecimal('3.4247'),
 * formatDate(iso, language), formatInstant(instant, language), maskAccount(last4).
 *
 * Speed: fonts are subset and serialised once per process and each file is written directly
 * (pdf/pdf-writer.ts, no pdf-lib object tree); a one-page letter costs well under a millisecond
 * of CPU, a monthly statement about two. Tests read PDFs back with pdf/inspect-pdf.ts
 * (poppler's pdftotext).
 */
export { AUTOPAY_AUTHORIZATION_COPY } from './autopay-authorization-copy.ts';
export {
  countDocumentsToDraw,
  createDocumentDrawer,
  type DrawScope,
  drawAllDocuments,
  drawDocuments,
} from './draw-documents.ts';
export {
  type DocumentDeps,
  issueContractCopy,
  issuePrivacyNotice,
  issueYearEndInterest,
  issueYearEndStatements,
} from './issue-documents.ts';
export { DEMO_LENDER_DETAILS, type LenderDetails } from './lender-details.ts';
export { PAYOFF_LETTER_COPY } from './payoff-letter-copy.ts';
export {
  type BoxOptions,
  box,
  type KeyValue,
  keyValues,
  type TableColumn,
  type TableOptions,
  type TableRow,
  table,
} from './pdf/blocks.ts';
export { type ComposerOptions, type ParagraphOptions, PdfComposer, type TextStyle } from './pdf/composer.ts';
export {
  type DocumentLanguage,
  formatDate,
  formatInstant,
  formatUsd,
  formatUsdDecimal,
  maskAccount,
} from './pdf/format.ts';
export { describeVehicle, drawLetterOpening, type LetterOpening } from './pdf/letter-opening.ts';
export { drawLetterhead } from './pdf/letterhead.ts';
export { addressLines, bullets, type PostalAddress, signature, stackedBlock } from './pdf/parts.ts';
export { PAGE, type Theme, TYPE } from './pdf/theme.ts';
export {
  type AutopayAmountRule,
  type AutopayAuthorizationInput,
  renderAutopayAuthorization,
} from './render-autopay-authorization.ts';
export { type PayoffLetterInput, renderPayoffLetter } from './render-payoff-letter.ts';
export { documentRoutes } from './routes.ts';
export { seedDemoDocuments } from './seed-documents.ts';
export {
  type CutStatement,
  cutStatements,
  type StatementCut,
  type StatementCycle,
} from './statements/cut-statements.ts';
export {
  closeOfBusinessStatements,
  generateStatements,
  STATEMENT_LEAD_DAYS,
  type StatementWindow,
} from './statements/generate-statements.ts';
export { issueStatement, type StatementDeps } from './statements/issue-statement.ts';
export { type NewDocument, storeDocument } from './store-document.ts';
export { type DocumentKind, documents } from './tables.ts';
