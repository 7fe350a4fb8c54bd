import '@mantine/charts/styles.layer.css';
import { BarChart } from '@mantine/charts';
import { Table, VisuallyHidden } from '@mantine/core';
import type { CobRun } from '@marque/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { Card } from '../../ui/index.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

/** A step's name in the active language ("bill_installments" → "Bill installments"), raw if unknown. */
export function useStepLabel() {
  const { t, i18n } = useTranslation();
  return (step: string) =>
    i18n.exists(`cob.steps.${step}`) ? (t as (k: string) => string)(`cob.steps.${step}`) : step;
}

/**
 * Where a run spent its time: horizontal bars (seconds per step) for the eye, and the same
 * numbers with rows and partitions in a table for screen readers and for copying.
 */
export function CobStepTimings({ run }: { run: CobRun }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stepLabel = useStepLabel();
  const data = run.steps.map((s) => ({ step: stepLabel(s.step), milliseconds: s.milliseconds }));
  const headingId = `cob-steps-${run.id}`;
  return (
    <Card component="section" aria-labelledby={headingId}>
      <Card.Section>
        <Card.Title id={headingId}>
          {t('cob.steps.title', { date: format.date(run.businessDate) })}
        </Card.Title>
      </Card.Section>
      {data.length === 0 ? (
        <Card.Section>{t('cob.steps.none')}</Card.Section>
      ) : (
        <>
          <Card.Section aria-hidden="true">
            <BarChart
              h={Math.max(160, data.length * 30 + 40)}
              data={data}
              dataKey="step"
              orientation="vertical"
              yAxisProps={{ width: 170 }}
              series={[{ name: 'milliseconds', label: t('cob.steps.time'), color: 'blue.8' }]}
              valueFormatter={(v) => t('cob.steps.ms', { value: format.integer(v) })}
              gridAxis="y"
              withTooltip={false}
              barChartProps={{ accessibilityLayer: false }}
            />
          </Card.Section>
          <Card.Section>
            <ScrollRegion label={t('cob.steps.caption')} minWidth={420}>
              <Table striped>
                <VisuallyHidden component="caption">{t('cob.steps.caption')}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('cob.steps.step')}</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      {t('cob.steps.time')}
                    </Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      {t('cob.steps.rows')}
                    </Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      {t('cob.steps.partitions')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {run.steps.map((s) => (
                    <Table.Tr key={s.step}>
                      <Table.Th scope="row" fw={500}>
                        {stepLabel(s.step)}
                      </Table.Th>
                      <Table.Td className="tabular" style={{ textAlign: 'right' }}>
                        {t('cob.steps.ms', { value: format.integer(s.milliseconds) })}
                      </Table.Td>
                      <Table.Td className="tabular" style={{ textAlign: 'right' }}>
                        {format.integer(s.rows)}
                      </Table.Td>
                      <Table.Td className="tabular" style={{ textAlign: 'right' }}>
                        {format.integer(s.partitionsDone)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          </Card.Section>
        </>
      )}
    </Card>
  );
}
