import type { Brand } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { useBrand } from '../../api/index.ts';
import { FALLBACK_BRAND } from '../../ui/index.ts';

/**
 * The brand from the API, or a neutral fallback while it loads or if it cannot be loaded. Its
 * support hours come in the reader's language when the brand gives them in that language.
 */
export function useBrandInfo(): Brand {
  const { i18n } = useTranslation();
  const brand = useBrand().data ?? FALLBACK_BRAND;
  const language = i18n.resolvedLanguage ?? i18n.language;
  const hours = brand.supportHoursByLanguage?.[language.slice(0, 2)];
  return hours ? { ...brand, supportHours: hours } : brand;
}
