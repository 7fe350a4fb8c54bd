import { RouterProvider } from 'react-router/dom';
import { useBrand } from './api/index.ts';
import { createRouter } from './router.tsx';
import { BrandThemeProvider, FALLBACK_BRAND, PageLoader } from './ui/index.ts';

const router = createRouter();

/**
 * Waits for the white-label brand (one small public request) before painting the app, so the
 * customer never sees another brand's colours flash by. If it cannot load, a neutral theme is used.
 */
export function App() {
  const brand = useBrand();
  if (brand.isPending) {
    return (
      <BrandThemeProvider brand={FALLBACK_BRAND}>
        <PageLoader />
      </BrandThemeProvider>
    );
  }
  return (
    <BrandThemeProvider brand={brand.data ?? FALLBACK_BRAND}>
      <RouterProvider router={router} />
    </BrandThemeProvider>
  );
}
