import type { Brand } from '@marque/contracts';
import { useBrand } from '../../api/index.ts';
import { FALLBACK_BRAND } from '../../ui/index.ts';

/** The brand from the API, or a neutral fallback while it loads or if it cannot be loaded. */
export function useBrandInfo(): Brand {
  return useBrand().data ?? FALLBACK_BRAND;
}
