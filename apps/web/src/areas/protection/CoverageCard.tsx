import { Select, Stack, Text } from '@mantine/core';
import { COVERAGE_COMPONENTS, type CoverageComponent } from '@marque/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoverage } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { Card, ErrorState, ToneBadge } from '../../ui/index.ts';
import { useLooseT } from './text.ts';

/** "Is this covered?": a component from the catalogue → the plan that pays, or why none does. */
export function CoverageCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const lt = useLooseT();
  const format = useFormat();
  const [component, setComponent] = useState<CoverageComponent | null>(null);
  const answer = useCoverage(accountId, component);
  const data = answer.data;
  const options = COVERAGE_COMPONENTS.map((c) => ({
    value: c,
    label: lt(`protection.components.${c}`),
  })).sort((a, b) => a.label.localeCompare(b.label, format.locale));
  let suggestion = '';
  if (data?.suggestion) {
    const kind = data.suggestion.productKind ? lt(`protection.kinds.${data.suggestion.productKind}`) : '';
    const key =
      data.suggestion.code === 'add_product' && !data.suggestion.productKind
        ? 'add_product_none'
        : data.suggestion.code;
    suggestion = lt(`protection.coverage.suggestion.${key}`, { kind: kind.toLowerCase() });
  }
  return (
    <Card component="section" aria-labelledby="coverage-title">
      <Card.Section>
        <Card.Title id="coverage-title">{t('protection.coverage.heading')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('protection.coverage.intro')}
        </Text>
      </Card.Section>
      <Card.Section>
        <Stack gap="sm">
          <Select
            label={t('protection.coverage.label')}
            placeholder={t('protection.coverage.placeholder')}
            data={options}
            value={component}
            onChange={(v) => setComponent(v as CoverageComponent | null)}
            searchable
            size="md"
          />
          <div aria-live="polite">
            {answer.isError && (
              <ErrorState error={answer.error} onRetry={() => void answer.refetch()} headingOrder={3} />
            )}
            {answer.isFetching && !data && <Text size="sm">{t('states.loading')}</Text>}
            {data && (
              <Stack gap={6} data-testid="coverage-answer">
                <div>
                  <ToneBadge tone={data.covered ? 'good' : 'warning'}>
                    {data.covered ? t('protection.coverage.covered') : t('protection.coverage.notCovered')}
                  </ToneBadge>
                </div>
                {data.coveredBy.map((c) => (
                  <Text size="sm" key={c.productId}>
                    <strong>{t('protection.coverage.by', { name: c.name, provider: c.provider })}</strong>
                    <br />
                    {c.untilMiles === null
                      ? t('protection.coverage.until', { date: format.date(c.untilDate) })
                      : t('protection.coverage.untilMiles', {
                          date: format.date(c.untilDate),
                          miles: format.integer(c.untilMiles),
                        })}
                    {' · '}
                    {t('protection.coverage.deductible', { amount: format.money(c.deductible) })}
                  </Text>
                ))}
                {suggestion && <Text size="sm">{suggestion}</Text>}
              </Stack>
            )}
          </div>
        </Stack>
      </Card.Section>
    </Card>
  );
}
