// The simulated card processor's hosted card form (served at /processor/sim/card-form.js).
// It runs inside an iframe on the lender's own page: it checks the card as typed, sends it to
// the processor's token endpoint (never to the lender's API), and hands the parent window only
// the token, by postMessage to its own origin (the form is framed by its own origin only).
(() => {
  const form = document.getElementById('card-form');
  if (!form) return;
  const messages = JSON.parse(form.dataset.messages || '{}');
  const status = document.getElementById('form-status');
  const button = form.querySelector('button[type="submit"]');
  const fields = ['cardNumber', 'expiry', 'cvv'];
  const input = (name) => document.getElementById(name);
  const parentOrigin = window.location.origin;

  const post = (message) => {
    if (window.parent !== window) window.parent.postMessage(message, parentOrigin);
  };

  // Tell the parent how tall the form is, so the iframe never needs its own scrollbar.
  const reportHeight = () => {
    // The body's own height: the document's scroll height never drops below the frame's height.
    post({
      type: 'marque.card-form.resize',
      height: Math.ceil(document.body.getBoundingClientRect().height),
    });
  };
  new ResizeObserver(reportHeight).observe(document.body);

  const digitsOf = (value) => value.replace(/\D/g, '');

  const luhnValid = (digits) => {
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return digits.length >= 13 && digits.length <= 19 && sum % 10 === 0;
  };

  const isAmex = (digits) => /^3[47]/.test(digits);

  // Groups of 4 as the customer types (4-6-5 for American Express).
  input('cardNumber').addEventListener('input', (event) => {
    const digits = digitsOf(event.target.value).slice(0, 19);
    const groups = isAmex(digits)
      ? [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10, 15)]
      : digits.match(/.{1,4}/g) || [];
    event.target.value = groups.filter(Boolean).join(' ');
  });

  input('expiry').addEventListener('input', (event) => {
    const digits = digitsOf(event.target.value).slice(0, 4);
    event.target.value = digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
  });

  const parseExpiry = (value) => {
    const match = /^(\d{1,2})\s*\/?\s*(\d{2}|\d{4})$/.exec(value.trim());
    if (!match) return null;
    const month = Number(match[1]);
    const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
    return month >= 1 && month <= 12 ? { month, year } : null;
  };

  const showError = (name, code) => {
    const element = input(name);
    const error = document.getElementById(`${name}-error`);
    if (code) {
      element.setAttribute('aria-invalid', 'true');
      error.textContent = messages[code] || messages.failed;
      error.hidden = false;
    } else {
      element.removeAttribute('aria-invalid');
      error.textContent = '';
      error.hidden = true;
    }
  };

  const check = () => {
    const errors = {};
    const digits = digitsOf(input('cardNumber').value);
    if (!digits) errors.cardNumber = 'cardNumberRequired';
    else if (!luhnValid(digits) || (isAmex(digits) && digits.length !== 15))
      errors.cardNumber = 'invalid_number';
    const expiryText = input('expiry').value;
    const expiry = parseExpiry(expiryText);
    const now = new Date();
    if (!expiryText.trim()) errors.expiry = 'expiryRequired';
    else if (!expiry) errors.expiry = 'invalid_expiry';
    else if (
      expiry.year < now.getFullYear() ||
      (expiry.year === now.getFullYear() && expiry.month < now.getMonth() + 1)
    )
      errors.expiry = 'expired';
    const cvv = input('cvv').value.trim();
    if (!cvv) errors.cvv = 'cvvRequired';
    else if (!new RegExp(`^\\d{${isAmex(digits) ? 4 : 3}}$`).test(cvv)) errors.cvv = 'invalid_cvv';
    return { errors, digits, expiry, cvv };
  };

  const showErrors = (errors) => {
    for (const name of fields) showError(name, errors[name]);
    const first = fields.find((name) => errors[name]);
    if (first) {
      status.textContent = messages.errorSummary;
      input(first).focus();
    }
    return Boolean(first);
  };

  // A corrected field loses its error as it is typed in (not on blur: hiding the message on blur
  // would move the button away from under a pointer that is already pressing it).
  for (const name of fields) {
    input(name).addEventListener('input', () => {
      if (input(name).getAttribute('aria-invalid') !== 'true') return;
      showError(name, null);
      if (!fields.some((f) => input(f).getAttribute('aria-invalid') === 'true')) status.textContent = '';
    });
  }

  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const { errors, digits, expiry, cvv } = check();
    if (showErrors(errors)) return;
    busy = true;
    button.disabled = true;
    status.textContent = messages.submitting;
    try {
      const response = await fetch('/processor/sim/tokens', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        credentials: 'omit',
        body: JSON.stringify({ cardNumber: digits, expMonth: expiry.month, expYear: expiry.year, cvv }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok && typeof body.token === 'string') {
        // Forget what was typed: the token is all the page keeps.
        form.reset();
        status.textContent = messages.saved;
        post({ type: 'marque.card-form.token', token: body.token });
        return;
      }
      const serverErrors = {};
      for (const item of Array.isArray(body.errors) ? body.errors : []) {
        if (fields.includes(item.field)) serverErrors[item.field] = item.code;
      }
      if (!showErrors(serverErrors)) status.textContent = messages.failed;
    } catch {
      status.textContent = messages.failed;
    } finally {
      busy = false;
      button.disabled = false;
    }
  });
})();
