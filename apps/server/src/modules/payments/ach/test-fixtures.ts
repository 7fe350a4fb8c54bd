import type { NachaFileInput } from './nacha-types.ts';

/** A small origination file used by the ACH tests: one PPD autopay batch and one WEB batch. */
export function sampleFile(): NachaFileInput {
  return {
    immediateDestination: '091000019',
    immediateDestinationName: 'Sunrise National Bank',
    immediateOrigin: '1234567890',
    immediateOriginName: 'Solenne Motor Finance',
    fileCreationDate: '2026-03-02',
    fileCreationTime: '14:05',
    fileIdModifier: 'A',
    batches: [
      {
        secCode: 'PPD',
        companyName: 'Solenne Motor Finance',
        companyId: '1234567890',
        entryDescription: 'AUTOPAY',
        effectiveEntryDate: '2026-03-03',
        originatingDfi: '09100001',
        entries: [
          {
            transactionCode: 27,
            receivingDfiRouting: '021000021',
            dfiAccountNumber: '123456789',
            amountCents: 41237,
            individualId: 'PAY7K2M9Q4',
            individualName: 'José Núñez',
          },
          {
            transactionCode: 37,
            receivingDfiRouting: '026009593',
            dfiAccountNumber: '98765-4321',
            amountCents: 29900,
            individualId: 'PAY3HX8W2R',
            individualName: 'Maya Thompson',
          },
        ],
      },
      {
        secCode: 'WEB',
        companyName: 'Solenne Motor Finance',
        companyId: '1234567890',
        entryDescription: 'LOAN PMT',
        effectiveEntryDate: '2026-03-03',
        originatingDfi: '09100001',
        entries: [
          {
            transactionCode: 27,
            receivingDfiRouting: '011000015',
            dfiAccountNumber: '5550001234',
            amountCents: 100000,
            individualId: 'PAY9TT4C7N',
            individualName: 'Dana Okafor-Whitfield de la Cruz',
            paymentType: 'S',
          },
        ],
      },
    ],
  };
}
