import { z } from 'zod';

/** Money on the wire: integer minor units plus currency, like Stripe (`{ amount: 23000, currency: "USD" }`). */
export const Money = z
  .object({
    amount: z.number().int().describe('Integer amount in minor units (cents)'),
    currency: z.literal('USD'),
  })
  .meta({ id: 'Money' });
export type Money = z.infer<typeof Money>;

/** Calendar date as an ISO `YYYY-MM-DD` string (never a timestamp). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')
  .meta({ id: 'IsoDate', example: '2026-11-24' });

/** RFC 9457 problem details, with a stable machine code and per-field errors. */
export const FieldError = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable error code'),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(FieldError).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
export type FieldError = z.infer<typeof FieldError>;

/** Cursor-paginated list envelope. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });
