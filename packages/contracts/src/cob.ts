import { z } from 'zod';
import { IsoDate, Money } from './common.ts';

// ---- Close of business (ops) ----

const Instant = z.iso.datetime({ offset: true }).describe('ISO 8601 instant');

export const CobStepName = z
  .string()
  .describe(
    'payments, accrue_interest, bill_installments, late_fees, age_delinquency, notices, statements, service_notices, notice_emails, advance_business_date',
  );

export const CobStepTiming = z
  .object({
    step: CobStepName,
    partitionsDone: z.number().int().describe('Partitions (contract id ranges) this step has finished'),
    rows: z
      .number()
      .int()
      .describe('Rows the step wrote (entries booked, contracts billed, notices sent...)'),
    milliseconds: z.number().int().describe('Time spent in the step, summed over partitions'),
  })
  .meta({ id: 'CobStepTiming' });
export type CobStepTiming = z.infer<typeof CobStepTiming>;

export const CobFailure = z
  .object({
    step: CobStepName,
    accountNumber: z
      .string()
      .nullable()
      .describe('The contract that failed, when the failure was narrowed to one'),
    error: z.string(),
    at: Instant,
  })
  .meta({ id: 'CobFailure' });
export type CobFailure = z.infer<typeof CobFailure>;

export const CobRunStatus = z.enum(['running', 'completed', 'failed']);

export const CobRun = z
  .object({
    id: z.number().int(),
    businessDate: IsoDate.describe('The business date this run closed'),
    status: CobRunStatus,
    trigger: z.enum(['cli', 'worker', 'api', 'test']).or(z.string()),
    startedAt: Instant,
    finishedAt: Instant.nullable(),
    seconds: z.number().nullable().describe('Wall-clock duration, when finished'),
    partitions: z.object({
      total: z.number().int(),
      done: z.number().int(),
      failed: z.number().int(),
      pending: z.number().int().describe('Not yet claimed, or claimed by a worker now running'),
    }),
    workers: z
      .number()
      .int()
      .describe(
        'Distinct processes whose workers claimed its partitions (the coordinator and any that joined)',
      ),
    steps: z.array(CobStepTiming),
    failures: z.array(CobFailure).describe('Up to 50 of the run\u2019s failures, newest first'),
  })
  .meta({ id: 'CobRun' });
export type CobRun = z.infer<typeof CobRun>;

export const CobOverview = z
  .object({
    businessDate: IsoDate.describe('The current business date: the next one close of business will close'),
    daysBehind: z.number().int().describe('Whole days the business date is behind today\u2019s UTC date'),
    runs: z.array(CobRun).describe('The last 10 runs, newest first'),
    statementsToDraw: z
      .number()
      .int()
      .nonnegative()
      .describe(
        'Statements a close of business cut whose PDFs are not drawn yet; the server draws them within seconds, and a customer who opens one first gets it drawn on the spot',
      ),
  })
  .meta({ id: 'CobOverview' });
export type CobOverview = z.infer<typeof CobOverview>;

export const CobRunRequest = z
  .object({
    through: IsoDate.describe(
      'Close every date from the business date through this one (catch up); a date already closed is rerun.',
    ),
    wait: z
      .boolean()
      .optional()
      .describe('Answer when the run ends (200) instead of at once (202, then poll GET /api/v1/ops/cob)'),
  })
  .meta({ id: 'CobRunRequest' });
export type CobRunRequest = z.infer<typeof CobRunRequest>;

export const CobRunResult = z
  .object({
    runs: z.array(
      z.object({
        id: z.number().int(),
        businessDate: IsoDate,
        status: CobRunStatus,
        failures: z.number().int(),
      }),
    ),
    businessDate: IsoDate.describe('The business date after the request'),
  })
  .meta({ id: 'CobRunResult' });
export type CobRunResult = z.infer<typeof CobRunResult>;

export const DelinquencyBucket = z.enum(['1-29', '30-59', '60-89', '90-119', '120+']);

export const DelinquencyQuery = z.object({
  bucket: DelinquencyBucket.optional().describe('Only this bucket; default every delinquent contract'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'Not a cursor from a previous page')
    .optional(),
});
export type DelinquencyQuery = z.infer<typeof DelinquencyQuery>;

export const DelinquentAccount = z
  .object({
    accountNumber: z.string(),
    contractId: z.string().describe('ctr_...'),
    type: z.enum(['loan', 'lease']),
    customerName: z.string(),
    bucket: DelinquencyBucket,
    daysPastDue: z.number().int(),
    pastDue: Money,
    nextDueDate: IsoDate.nullable().describe('Oldest installment not paid in full'),
    inBucketSince: IsoDate.describe('Business date the account entered this bucket'),
  })
  .meta({ id: 'DelinquentAccount' });
export type DelinquentAccount = z.infer<typeof DelinquentAccount>;

export const DelinquencyPage = z
  .object({
    data: z.array(DelinquentAccount),
    nextCursor: z.string().nullable(),
    asOf: IsoDate.describe('The business date the aging is as of'),
    counts: z.record(z.string(), z.number().int()).describe('Delinquent accounts per bucket'),
  })
  .meta({ id: 'DelinquencyPage' });
export type DelinquencyPage = z.infer<typeof DelinquencyPage>;
