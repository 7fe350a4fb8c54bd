/**
 * The simulated processor's hosted card form: a small HTML page meant for an iframe on our own
 * origin. Its behaviour lives in assets/card-form.js (no inline script: the page's CSP allows
 * scripts from 'self' only); the texts it needs travel in a data attribute.
 */
export type CardFormLanguage = 'en' | 'es';

const TEXT = {
  en: {
    title: 'Card details',
    note: 'Simulated card processor: use a test card such as 4242 4242 4242 4242, any future date, any CVV.',
    secure: 'Your card number goes straight to the card processor. We never see or store it.',
    cardNumber: 'Card number',
    expiry: 'Expiry date (MM/YY)',
    expiryPlaceholder: 'MM/YY',
    cvv: 'Security code (CVV)',
    cvvHint: '3 digits on the back; 4 on the front for American Express.',
    submit: 'Save card',
    messages: {
      submitting: 'Saving your card…',
      saved: 'Card saved.',
      cardNumberRequired: 'Enter the card number.',
      invalid_number: 'Check the card number: it is not a valid card number.',
      expiryRequired: 'Enter the expiry date as MM/YY.',
      invalid_expiry: 'Enter the expiry date as MM/YY, for example 04/29.',
      expired: 'This card has expired. Use a card with a future expiry date.',
      cvvRequired: 'Enter the security code.',
      invalid_cvv: 'Enter the 3-digit security code (4 digits for American Express).',
      failed: 'We could not save the card. Check your connection and try again.',
      errorSummary: 'Check the highlighted fields.',
    },
  },
  es: {
    title: 'Datos de la tarjeta',
    note: 'Procesador de tarjetas simulado: use una tarjeta de prueba como 4242 4242 4242 4242, cualquier fecha futura y cualquier CVV.',
    secure:
      'El número de su tarjeta va directamente al procesador de tarjetas. Nosotros nunca lo vemos ni lo guardamos.',
    cardNumber: 'Número de tarjeta',
    expiry: 'Fecha de vencimiento (MM/AA)',
    expiryPlaceholder: 'MM/AA',
    cvv: 'Código de seguridad (CVV)',
    cvvHint: '3 dígitos al reverso; 4 al frente en American Express.',
    submit: 'Guardar tarjeta',
    messages: {
      submitting: 'Guardando su tarjeta…',
      saved: 'Tarjeta guardada.',
      cardNumberRequired: 'Escriba el número de tarjeta.',
      invalid_number: 'Revise el número de tarjeta: no es un número válido.',
      expiryRequired: 'Escriba la fecha de vencimiento como MM/AA.',
      invalid_expiry: 'Escriba la fecha de vencimiento como MM/AA, por ejemplo 04/29.',
      expired: 'Esta tarjeta está vencida. Use una tarjeta con fecha de vencimiento futura.',
      cvvRequired: 'Escriba el código de seguridad.',
      invalid_cvv: 'Escriba el código de seguridad de 3 dígitos (4 dígitos en American Express).',
      failed: 'No pudimos guardar la tarjeta. Revise su conexión e inténtelo de nuevo.',
      errorSummary: 'Revise los campos marcados.',
    },
  },
} as const;

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function field(id: string, label: string, attributes: string, hint?: string): string {
  const describedBy = [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  return `<div class="field">
      <label for="${id}">${escapeHtml(label)}</label>
      ${hint ? `<p class="hint" id="${id}-hint">${escapeHtml(hint)}</p>` : ''}
      <input id="${id}" name="${id}" ${attributes} aria-describedby="${describedBy}" required>
      <p class="error" id="${id}-error" hidden></p>
    </div>`;
}

export function renderCardForm(language: CardFormLanguage): string {
  const text = TEXT[language];
  return `<!doctype html>
<html lang="${language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(text.title)}</title>
  <link rel="stylesheet" href="/processor/sim/card-form.css">
  <script src="/processor/sim/card-form.js" defer></script>
</head>
<body>
  <main>
    <form id="card-form" method="post" novalidate data-messages="${escapeHtml(JSON.stringify(text.messages))}">
      <p class="note">${escapeHtml(text.note)}</p>
      ${field('cardNumber', text.cardNumber, 'type="text" inputmode="numeric" autocomplete="cc-number" maxlength="23" spellcheck="false"')}
      <div class="row">
        ${field('expiry', text.expiry, `type="text" inputmode="numeric" autocomplete="cc-exp" maxlength="7" placeholder="${text.expiryPlaceholder}"`)}
        ${field('cvv', text.cvv, 'type="text" inputmode="numeric" autocomplete="cc-csc" maxlength="4"', text.cvvHint)}
      </div>
      <p class="secure">${escapeHtml(text.secure)}</p>
      <p class="status" id="form-status" role="status"></p>
      <button type="submit">${escapeHtml(text.submit)}</button>
    </form>
  </main>
</body>
</html>
`;
}
