import fs from 'node:fs';
import { Brand } from '@marque/contracts';

/**
 * White-label brand. The demo brand is fictional; a lender supplies its own with BRAND_FILE
 * (JSON with the fields of `Brand`, plus an optional `logoSvg` path).
 */
export interface BrandConfig {
  brand: Brand;
  logoSvg: string;
}

const DEMO_LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="Solenne">
<rect width="64" height="64" rx="14" fill="#0B5563"/>
<path d="M16 40c6 6 26 6 32-2M18 24c8-8 22-8 28 0" stroke="#F2B84B" stroke-width="5" fill="none" stroke-linecap="round"/>
<circle cx="32" cy="32" r="5" fill="#ffffff"/>
</svg>`;

export const DEMO_BRAND: Brand = {
  name: 'Solenne Motor Finance',
  shortName: 'Solenne',
  primaryColor: '#0B5563',
  accentColor: '#B7791F',
  logoUrl: '/api/v1/brand/logo.svg',
  supportPhone: '1-800-555-0142',
  supportHours: 'Mon–Fri 8am–8pm, Sat 9am–5pm ET',
  supportHoursByLanguage: { es: 'lun–vie 8:00–20:00, sáb 9:00–17:00 (hora del Este)' },
};

export function loadBrand(brandFile: string | undefined): BrandConfig {
  if (!brandFile) return { brand: DEMO_BRAND, logoSvg: DEMO_LOGO };
  const raw = JSON.parse(fs.readFileSync(brandFile, 'utf8')) as Record<string, unknown>;
  const brand = Brand.parse({ ...raw, logoUrl: '/api/v1/brand/logo.svg' });
  const logoSvg = typeof raw.logoSvg === 'string' ? fs.readFileSync(raw.logoSvg, 'utf8') : DEMO_LOGO;
  return { brand, logoSvg };
}
