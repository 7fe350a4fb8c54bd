import { describe, expect, it } from 'vitest';
import { noticeEmailCopy } from './notice-copy.ts';

describe('COB notice e-mail copy', () => {
  it('picks the Spanish subject and text for a Spanish-preferring customer', () => {
    expect(noticeEmailCopy('lease_maturity_60', '2027-01-23', 'es')).toEqual({
      subject: 'Su arrendamiento termina en unos 60 días',
      text: 'Su arrendamiento termina en unos 60 días (2027-01-23). Inicie sesión en su cuenta para ver los detalles.',
    });
  });

  it('stays English by default, with a generic subject for an unknown kind', () => {
    expect(noticeEmailCopy('payment_due_reminder', '2026-11-27', 'en')).toEqual({
      subject: 'Your payment is coming due',
      text: 'Your payment is coming due (2026-11-27). Sign in to your account to see the details.',
    });
    expect(noticeEmailCopy('something_new', '2026-11-27', undefined).subject).toBe(
      'A notice about your account',
    );
    expect(noticeEmailCopy('something_new', '2026-11-27', 'es').subject).toBe('Un aviso sobre su cuenta');
  });
});
