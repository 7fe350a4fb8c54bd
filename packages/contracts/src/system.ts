import { z } from 'zod';

export const Health = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
export const Ready = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.object({ database: z.boolean(), migrations: z.boolean() }),
    businessDate: z.string().nullable(),
  })
  .meta({ id: 'Ready' });

/** White-label brand, served to the web app so one build serves any brand. */
export const Brand = z
  .object({
    name: z.string(),
    shortName: z.string(),
    primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    logoUrl: z.string(),
    supportPhone: z.string(),
    supportHours: z.string(),
    /** supportHours in other languages, by language code (`{ "es": "…" }`); the web app picks the reader's. */
    supportHoursByLanguage: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: 'Brand' });
export type Brand = z.infer<typeof Brand>;
