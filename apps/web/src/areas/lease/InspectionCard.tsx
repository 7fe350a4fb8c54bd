import { Alert, Button, Group, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { InspectionList } from '@marque/contracts';
import { type FormEvent, useState } from 'react';
import { isApiError, useInspections, useRequestInspection } from '../../api/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { Card, ErrorState, LoadingState, ToneBadge } from '../../ui/index.ts';
import { useLeaseT } from './leaseText.ts';

type Field = 'date' | 'line1' | 'city' | 'state' | 'postalCode';
type Window = 'morning' | 'midday' | 'afternoon';
const WINDOWS: Window[] = ['morning', 'midday', 'afternoon'];

/** Request the pre-return inspection: a date, a time window and where the vehicle will be. */
export function InspectionCard({ accountId }: { accountId: string }) {
  const t = useLeaseT();
  const list = useInspections(accountId);
  return (
    <Card component="section" aria-labelledby="inspection-title">
      <Card.Section>
        <Card.Title id="inspection-title">{t('inspection.heading')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('inspection.intro')}
        </Text>
      </Card.Section>
      <Card.Section>
        {list.data ? (
          <InspectionForm accountId={accountId} list={list.data} />
        ) : list.isPending ? (
          <LoadingState cards={1} />
        ) : (
          <ErrorState
            headingOrder={3}
            title={t('errorTitle')}
            error={list.error}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        )}
      </Card.Section>
    </Card>
  );
}

function InspectionForm({ accountId, list }: { accountId: string; list: InspectionList }) {
  const t = useLeaseT();
  const format = useFormat();
  const request = useRequestInspection(accountId);
  const [values, setValues] = useState({
    date: '',
    line1: '',
    line2: '',
    city: '',
    state: '',
    postalCode: '',
  });
  const [window, setWindow] = useState<Window>('morning');
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [done, setDone] = useState(false);
  const set = (key: keyof typeof values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((er) => ({ ...er, [key]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const found: Partial<Record<Field, string>> = {};
    if (!values.date) found.date = t('inspection.errors.dateRequired');
    if (!values.line1.trim()) found.line1 = t('inspection.errors.required');
    if (!values.city.trim()) found.city = t('inspection.errors.required');
    if (!/^[A-Za-z]{2}$/.test(values.state.trim())) found.state = t('inspection.errors.state');
    if (!/^\d{5}(-\d{4})?$/.test(values.postalCode.trim()))
      found.postalCode = t('inspection.errors.postalCode');
    setErrors(found);
    const first = (['date', 'line1', 'city', 'state', 'postalCode'] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(`inspection-${first}`)?.focus();
      return;
    }
    request.mutate(
      {
        date: values.date,
        window,
        address: {
          line1: values.line1.trim(),
          ...(values.line2.trim() ? { line2: values.line2.trim() } : {}),
          city: values.city.trim(),
          state: values.state.trim().toUpperCase(),
          postalCode: values.postalCode.trim(),
        },
      },
      {
        onSuccess: () => setDone(true),
        onError: (e) => {
          const code = isApiError(e) ? (e.errors[0]?.code ?? e.code) : '';
          if (code === 'inspection_date_out_of_range' || code === 'inspection_date_unavailable') {
            setErrors({ date: t(`inspection.errors.${code}`) });
            document.getElementById('inspection-date')?.focus();
          } else setErrors({ form: t('inspection.errors.generic') });
        },
      },
    );
  };

  return (
    <Stack gap="md">
      {list.data.length > 0 && (
        <div>
          <Title order={3} size="h5" mb="xs">
            {t('inspection.listHeading')}
          </Title>
          <Stack gap={6}>
            {list.data.map((i) => (
              <Group key={i.id} gap="xs" wrap="wrap">
                <Text size="sm">
                  {t('inspection.requested', {
                    date: format.date(i.date, 'long'),
                    window: t(`inspection.windows.${i.window}`),
                  })}
                </Text>
                <ToneBadge tone="info">{t(`inspection.status.${i.status}`)}</ToneBadge>
              </Group>
            ))}
          </Stack>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-labelledby="inspection-title">
        <Stack gap="sm">
          <TextInput
            id="inspection-date"
            type="date"
            label={t('inspection.date')}
            description={t('inspection.dateHelp', {
              from: format.date(list.earliestDate),
              to: format.date(list.latestDate),
            })}
            min={list.earliestDate}
            max={list.latestDate}
            value={values.date}
            onChange={set('date')}
            error={errors.date}
            required
          />
          <Radio.Group
            label={t('inspection.window')}
            value={window}
            onChange={(v) => setWindow(v as Window)}
            required
          >
            <Stack gap={6} mt={6}>
              {WINDOWS.map((w) => (
                <Radio key={w} value={w} label={t(`inspection.windows.${w}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            id="inspection-line1"
            label={t('inspection.line1')}
            autoComplete="address-line1"
            value={values.line1}
            onChange={set('line1')}
            error={errors.line1}
            required
          />
          <TextInput
            label={t('inspection.line2')}
            autoComplete="address-line2"
            value={values.line2}
            onChange={set('line2')}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput
              id="inspection-city"
              label={t('inspection.city')}
              autoComplete="address-level2"
              value={values.city}
              onChange={set('city')}
              error={errors.city}
              required
            />
            <TextInput
              id="inspection-state"
              label={t('inspection.state')}
              autoComplete="address-level1"
              maxLength={2}
              value={values.state}
              onChange={set('state')}
              error={errors.state}
              required
            />
            <TextInput
              id="inspection-postalCode"
              label={t('inspection.postalCode')}
              autoComplete="postal-code"
              inputMode="numeric"
              value={values.postalCode}
              onChange={set('postalCode')}
              error={errors.postalCode}
              required
            />
          </SimpleGrid>
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={request.isPending}>
              {t('inspection.submit')}
            </Button>
          </Group>
          {done && (
            <Alert color="green" role="status">
              {t('inspection.confirmation')}
            </Alert>
          )}
        </Stack>
      </form>
    </Stack>
  );
}
