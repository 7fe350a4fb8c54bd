import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import es from './es.json';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** BCP 47 locale used for Intl formatting: US Spanish writes money and numbers the US way ($1,234.56). */
export const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };

// Only the language code is kept, per browser tab: nothing personal is ever stored client-side.
const STORAGE_KEY = 'marque.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function initialLanguage(): Language {
  try {
    const stored = window.sessionStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be unavailable (privacy modes); fall back to the browser's preference.
  }
  const preferred = (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase();
  return preferred.startsWith('es') ? 'es' : 'en';
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not fatal: the choice simply won't survive a reload.
  }
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = isLanguage(language) ? language : 'en';
});

// Resources are bundled, so initialisation completes synchronously (initAsync: false).
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, es: { translation: es } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  initAsync: false,
});

export default i18n;
