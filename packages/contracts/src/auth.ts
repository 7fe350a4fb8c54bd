import { z } from 'zod';

export const Role = z.enum([
  'customer',
  'dealer_user',
  'dealer_admin',
  'underwriter',
  'agent',
  'supervisor',
  'analyst',
  'admin',
]);
export type Role = z.infer<typeof Role>;

export const LoginRequest = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, 'Enter your e-mail address')
      .max(254)
      .email('Enter a valid e-mail address'),
    password: z.string().min(1, 'Enter your password').max(128, 'Passwords are at most 128 characters'),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({ status: z.literal('authenticated') }).meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const Me = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      role: Role,
      displayName: z.string(),
    }),
    customer: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }).nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;
