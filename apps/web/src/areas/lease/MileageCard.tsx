import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { LeaseMileage } from '@marque/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { isApiError, useLeaseMileage, useRecordMileage } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { Card, ErrorState, LoadingState, MoneyText } from '../../ui/index.ts';
import classes from './lease.module.css';
import { useLeaseT } from './leaseText.ts';
import { MileageChart } from './MileageChart.tsx';

/** Mileage: where the odometer stands against the allowance, where it is heading, and a new reading. */
export function MileageCard({ accountId }: { accountId: string }) {
  const t = useLeaseT();
  const mileage = useLeaseMileage(accountId);
  return (
    <Card component="section" aria-labelledby="mileage-title">
      <Card.Section>
        <Card.Title id="mileage-title">{t('mileage.heading')}</Card.Title>
      </Card.Section>
      <Card.Section>
        {mileage.data ? (
          <MileageBody accountId={accountId} mileage={mileage.data} />
        ) : mileage.isPending ? (
          <LoadingState cards={1} />
        ) : (
          <ErrorState
            headingOrder={3}
            title={t('errorTitle')}
            error={mileage.error}
            onRetry={() => void mileage.refetch()}
            retrying={mileage.isFetching}
          />
        )}
      </Card.Section>
    </Card>
  );
}

function MileageBody({ accountId, mileage }: { accountId: string; mileage: LeaseMileage }) {
  const t = useLeaseT();
  const format = useFormat();
  const miles = (n: number) => format.integer(n);
  const over = mileage.milesOverAllowance;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('mileage.intro', {
          miles: miles(mileage.allowancePerYear),
          rate: format.money(mileage.excessMileageRate),
        })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label={t('mileage.driven')} value={miles(mileage.milesDriven)} />
        <Figure label={t('mileage.allowanceToDate')} value={miles(mileage.allowanceToDate)} />
        <Figure
          label={over > 0 ? t('mileage.ahead') : t('mileage.behind')}
          value={miles(Math.abs(over))}
          tone={over > 0 ? 'warning' : undefined}
        />
        <Figure label={t('mileage.projected')} value={miles(mileage.projectedMilesAtMaturity)} />
      </SimpleGrid>
      <div>
        <Text size="sm" fw={600}>
          {t('mileage.projectedExcess')}
        </Text>
        {mileage.projectedExcessMiles > 0 ? (
          <Group gap="xs" align="baseline">
            <MoneyText value={mileage.projectedExcessCharge} fw={800} fz={24} />
            <Text size="sm">
              {t('mileage.projectedExcessMiles', { miles: miles(mileage.projectedExcessMiles) })}
            </Text>
          </Group>
        ) : (
          <Text fw={700}>{t('mileage.none')}</Text>
        )}
      </div>
      <figure style={{ margin: 0 }}>
        <figcaption>
          <Title order={3} size="h5">
            {t('mileage.chartTitle')}
          </Title>
          <Text size="sm" mt={4}>
            {t('mileage.summary', {
              last: format.date(mileage.lastReadingDate),
              driven: miles(mileage.milesDriven),
              allowance: miles(mileage.allowanceToDate),
              projected: miles(mileage.projectedMilesAtMaturity),
              maturity: format.date(mileage.maturityDate),
              total: miles(mileage.allowanceAtMaturity),
            })}{' '}
            {mileage.averageMilesPerMonth > 0 &&
              t('mileage.average', { miles: miles(mileage.averageMilesPerMonth) })}
          </Text>
        </figcaption>
        <MileageChart mileage={mileage} />
      </figure>
      <MileageForm accountId={accountId} mileage={mileage} />
      <ReadingsTable mileage={mileage} />
    </Stack>
  );
}

function Figure({ label, value, tone }: { label: string; value: string; tone?: 'warning' | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fw={800} fz={20} className="tabular" c={tone === 'warning' ? 'orange.9' : undefined}>
        {value}
      </Text>
    </div>
  );
}

function ReadingsTable({ mileage }: { mileage: LeaseMileage }) {
  const t = useLeaseT();
  const format = useFormat();
  return (
    <div>
      <Title order={3} size="h5" mb="xs" id="readings-title">
        {t('mileage.readingsHeading')}
      </Title>
      {mileage.readings.length === 0 ? (
        <Text size="sm">{t('mileage.empty')}</Text>
      ) : (
        <table className={classes.table} aria-labelledby="readings-title">
          <thead>
            <tr>
              <th scope="col">{t('mileage.date')}</th>
              <th scope="col" className={classes.number}>
                {t('mileage.odometer')}
              </th>
              <th scope="col">{t('mileage.source')}</th>
            </tr>
          </thead>
          <tbody>
            {mileage.readings.map((r) => (
              <tr key={r.id}>
                <td>
                  <time dateTime={r.date}>{format.date(r.date)}</time>
                </td>
                <td className={classes.number}>{format.integer(r.odometer)}</td>
                <td>{t(`mileage.sources.${r.source}`, { dealer: r.dealerName ?? '' })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function MileageForm({ accountId, mileage }: { accountId: string; mileage: LeaseMileage }) {
  const t = useLeaseT();
  const format = useFormat();
  const record = useRecordMileage(accountId);
  const [value, setValue] = useState<number | string>('');
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const last = format.integer(mileage.lastOdometer);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      setError(t('mileage.errors.required'));
      input.current?.focus();
      return;
    }
    setError(undefined);
    record.mutate(
      { odometer: value },
      {
        onSuccess: () => {
          setSaved(true);
          setValue('');
        },
        onError: (e) => {
          const code = isApiError(e) ? (e.errors[0]?.code ?? e.code) : '';
          setError(
            code === 'odometer_below_last_reading' || code === 'odometer_implausible'
              ? t(`mileage.errors.${code}`, { last })
              : t('mileage.errors.generic'),
          );
          input.current?.focus();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="mileage-form-title">
      <Title order={3} size="h5" mb="xs" id="mileage-form-title">
        {t('mileage.formHeading')}
      </Title>
      <Stack gap="sm">
        <NumberInput
          ref={input}
          label={t('mileage.odometerLabel')}
          description={t('mileage.odometerHelp', { last })}
          value={value}
          onChange={(v) => {
            setValue(v);
            setError(undefined);
          }}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=","
          min={0}
          max={999_999}
          inputMode="numeric"
          error={error}
          required
        />
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('mileage.submit')}
          </Button>
        </Group>
        {saved && (
          <Alert color="green" role="status">
            {t('mileage.saved')}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
