/**
 * The wording of the coverage-ending notices (in-portal, e-mail, text), in the customer's
 * language (customers.preferred_language). Only copy: sending stays in coverage-notices.
 */
export interface CoverageFacts {
  name: string;
  last4: string;
  endDate: string;
  endMiles: number | null;
  daysLeft: number;
  milesLeft: number | null;
}

const SIGN_IN = {
  en: 'Sign in to see it in your account.',
  es: 'Inicie sesión para verlo en su cuenta.',
};

/** Title and body (inbox, e-mail subject) plus the e-mail text, in the customer's language. */
export function coverageNoticeCopy(
  c: CoverageFacts,
  threshold: string,
  language: string | null | undefined,
): { title: string; body: string; email: { text: string } } {
  const lang = language === 'es' ? 'es' : 'en';
  const { title, body } = wording(c, threshold, lang);
  return { title, body, email: { text: [body, '', SIGN_IN[lang]].join('\n') } };
}

function wording(
  c: CoverageFacts,
  threshold: string,
  language: 'en' | 'es',
): { title: string; body: string } {
  if (language === 'es') {
    if (threshold === 'miles') {
      return {
        title: `${c.name} está cerca de su límite de millas`,
        body: `Su ${c.name} de la cuenta que termina en ${c.last4} cubre su vehículo hasta ${c.endMiles} millas; su última lectura del odómetro está a ${c.milesLeft} millas de ese límite. Reserve cualquier servicio cubierto antes.`,
      };
    }
    return {
      title: `${c.name} termina en ${c.daysLeft} días`,
      body: `Su ${c.name} de la cuenta que termina en ${c.last4} termina el ${c.endDate}. Reserve cualquier servicio cubierto antes; pregunte a su concesionario cómo ampliar su cobertura.`,
    };
  }
  if (threshold === 'miles') {
    return {
      title: `${c.name} is close to its mileage limit`,
      body: `Your ${c.name} on the account ending ${c.last4} covers your vehicle up to ${c.endMiles} miles; your latest odometer reading is ${c.milesLeft} miles short of it. Book any covered service before then.`,
    };
  }
  return {
    title: `${c.name} ends in ${c.daysLeft} days`,
    body: `Your ${c.name} on the account ending ${c.last4} ends on ${c.endDate}. Book any covered service before then; ask your dealer about extending your coverage.`,
  };
}
