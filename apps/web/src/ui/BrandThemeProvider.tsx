import { MantineProvider } from '@mantine/core';
import type { Brand } from '@marque/contracts';
import { type ReactNode, useMemo } from 'react';
import { buildTheme, cssVariablesResolver } from './theme.ts';

/**
 * Mantine, themed from the white-label brand. Light scheme only, forced: nothing is read from or
 * written to storage for it, and no inline script is needed (the server's CSP forbids them).
 */
export function BrandThemeProvider({ brand, children }: { brand: Brand; children: ReactNode }) {
  const theme = useMemo(() => buildTheme(brand), [brand]);
  return (
    <MantineProvider
      theme={theme}
      forceColorScheme="light"
      cssVariablesResolver={(t) => {
        const resolved = cssVariablesResolver(t);
        return {
          ...resolved,
          variables: {
            ...resolved.variables,
            '--marque-brand-raw': brand.primaryColor,
            '--marque-accent-raw': brand.accentColor,
          },
        };
      }}
    >
      {children}
    </MantineProvider>
  );
}
