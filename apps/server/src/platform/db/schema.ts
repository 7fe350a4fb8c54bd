// Every table, for Drizzle's relational queries and drizzle-kit's migration generator.
// Each module owns its tables in its own tables.ts.

export * from '../../modules/account-requests/tables.ts';
export * from '../../modules/audit/tables.ts';
export * from '../../modules/contracts/tables.ts';
export * from '../../modules/customers/tables.ts';
export * from '../../modules/dealers/tables.ts';
export * from '../../modules/documents/tables.ts';
export * from '../../modules/identity/tables.ts';
export * from '../../modules/leasing/tables.ts';
export * from '../../modules/ledger/tables.ts';
export * from '../../modules/loan-details/tables.ts';
export * from '../../modules/notifications/tables.ts';
export * from '../../modules/payments/autopay-tables.ts';
export * from '../../modules/payments/payment-tables.ts';
export * from '../../modules/payments/processor/sim/tables.ts';
export * from '../../modules/payments/tables.ts';
export * from '../../modules/protection/tables.ts';
export * from '../../modules/servicing/tables.ts';
export * from './platform-tables.ts';
