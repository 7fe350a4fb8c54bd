import { describe, expect, it } from 'vitest';
import { coverageNoticeCopy } from './coverage-copy.ts';

const facts = {
  name: 'Service plan',
  last4: '0042',
  endDate: '2026-12-24',
  endMiles: 36_000,
  daysLeft: 30,
  milesLeft: 750,
};

describe('coverage notice copy', () => {
  it('writes the date notice in the customer language, English otherwise', () => {
    expect(coverageNoticeCopy(facts, '30', 'es')).toEqual({
      title: 'Service plan termina en 30 días',
      body: 'Su Service plan de la cuenta que termina en 0042 termina el 2026-12-24. Reserve cualquier servicio cubierto antes; pregunte a su concesionario cómo ampliar su cobertura.',
      email: {
        text: 'Su Service plan de la cuenta que termina en 0042 termina el 2026-12-24. Reserve cualquier servicio cubierto antes; pregunte a su concesionario cómo ampliar su cobertura.\n\nInicie sesión para verlo en su cuenta.',
      },
    });
    expect(coverageNoticeCopy(facts, '30', 'en').title).toBe('Service plan ends in 30 days');
    expect(coverageNoticeCopy(facts, '30', null).title).toBe('Service plan ends in 30 days');
  });

  it('writes the mileage notice in Spanish', () => {
    const copy = coverageNoticeCopy(facts, 'miles', 'es');
    expect(copy.title).toBe('Service plan está cerca de su límite de millas');
    expect(copy.body).toContain('hasta 36000 millas');
    expect(copy.body).toContain('a 750 millas de ese límite');
  });
});
