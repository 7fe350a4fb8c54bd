import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineThemeOverride,
} from '@mantine/core';
import type { Brand } from '@marque/contracts';
import { brandTuple } from './color.ts';

/** Page background behind cards; brand shades are checked for contrast against it too. */
export const PAGE_BACKGROUND = '#f4f6f9';
/** Secondary text: 5.4:1 on the page background (Mantine's default gray.6 is only 3.1:1). */
export const DIMMED_TEXT = '#5c6570';

/** Used until (or if) the brand API answers: a neutral, accessible slate. */
export const FALLBACK_BRAND: Brand = {
  name: 'Account portal',
  shortName: 'Portal',
  primaryColor: '#2f4a6d',
  accentColor: '#2f4a6d',
  logoUrl: '',
  supportPhone: '',
  supportHours: '',
};

const systemFonts =
  '-apple-system, BlinkMacSystemFont, "Segoe UI Variable Text", "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", system-ui, sans-serif';

export function buildTheme(brand: Brand): MantineThemeOverride {
  return createTheme({
    colors: {
      brand: brandTuple(brand.primaryColor, [PAGE_BACKGROUND]),
      accent: brandTuple(brand.accentColor, [PAGE_BACKGROUND]),
    },
    primaryColor: 'brand',
    primaryShade: 6,
    fontFamily: systemFonts,
    fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    headings: {
      fontFamily: systemFonts,
      fontWeight: '650',
      sizes: {
        h1: { fontSize: 'clamp(1.5rem, 1.2rem + 1.2vw, 2rem)', lineHeight: '1.2' },
        h2: { fontSize: '1.25rem', lineHeight: '1.3' },
        h3: { fontSize: '1.0625rem', lineHeight: '1.35' },
      },
    },
    defaultRadius: 'md',
    radius: { ...DEFAULT_THEME.radius, lg: '0.875rem' },
    focusRing: 'auto',
    cursorType: 'pointer',
    respectReducedMotion: true,
    shadows: {
      xs: '0 1px 2px rgba(16, 24, 40, 0.05)',
      sm: '0 1px 3px rgba(16, 24, 40, 0.08), 0 1px 2px rgba(16, 24, 40, 0.04)',
      md: '0 4px 12px rgba(16, 24, 40, 0.08)',
    },
    components: {
      Button: { defaultProps: { radius: 'md' } },
      TextInput: { defaultProps: { size: 'md' } },
      PasswordInput: { defaultProps: { size: 'md' } },
      Badge: { defaultProps: { radius: 'sm' } },
      Paper: { defaultProps: { radius: 'lg' } },
    },
    other: { brand },
  });
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {
    '--marque-page-bg': PAGE_BACKGROUND,
    '--marque-border': '#dfe3ea',
  },
  light: {
    '--mantine-color-dimmed': DIMMED_TEXT,
    '--mantine-color-placeholder': '#737b86',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-default-border': '#c9d0da',
  },
  dark: {},
});
