import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalculatorKind } from '../../api/index.ts';
import {
  Card,
  IconCar,
  IconChevronRight,
  IconGauge,
  IconKey,
  IconRefresh,
  PageHeader,
  useDocumentTitle,
} from '../../ui/index.ts';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { CALCULATORS, calculatorKey } from './CalculatorShell.tsx';
import classes from './calculators.module.css';

const ICONS: Record<CalculatorKind, ReactNode> = {
  loan: <IconCar size={24} />,
  lease: <IconKey size={24} />,
  'buy-vs-lease': <IconRefresh size={24} />,
  affordability: <IconGauge size={24} />,
};

/** /calculators: the four public calculators, open to anyone without signing in. */
export function CalculatorsPage() {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (k: string) => string;
  const brand = useBrandInfo();
  useDocumentTitle(t('calculators.hubTitle'), brand.name);
  return (
    <div className={classes.page}>
      <PageHeader title={t('calculators.hubTitle')} description={t('calculators.hubIntro')} />
      <ul className={classes.hub} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {CALCULATORS.map((kind) => (
          <li key={kind}>
            <Card component="article" className={classes.hubCard} style={{ position: 'relative' }}>
              <span className={classes.hubIcon}>{ICONS[kind]}</span>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Text component="h2" fw={700} size="lg" m={0}>
                  <Link to={`/calculators/${kind}`} className={classes.hubLink}>
                    {t(`calculators.${calculatorKey(kind)}.title`)}
                  </Link>
                </Text>
                <Text size="sm" c="dimmed" mt={4}>
                  {t(`calculators.${calculatorKey(kind)}.intro`)}
                </Text>
              </div>
              <IconChevronRight size={20} />
            </Card>
          </li>
        ))}
      </ul>
      <Text size="sm" c="dimmed" className={classes.disclaimer}>
        {t('calculators.disclaimer')}
      </Text>
    </div>
  );
}
