import { Button, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { type CustomerDocument, DOCUMENT_KINDS, type DocumentKind } from '@marque/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type DocumentFilters, documentFileHref, useAccounts, useDocuments } from '../../api/index.ts';
import {
  Card,
  CursorPager,
  DateText,
  IconDownload,
  ListStates,
  PageHeader,
  ToneBadge,
  useCursorPages,
  useDocumentTitle,
} from '../../ui/index.ts';
import { useVehicleName } from '../portal/accountParts.tsx';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import classes from './documents.module.css';

/** The years a customer can filter by: this year and the four before it. */
function recentYears(): number[] {
  const year = new Date().getFullYear();
  return [0, 1, 2, 3, 4].map((n) => year - n);
}

const isKind = (value: string | null): value is DocumentKind =>
  value !== null && (DOCUMENT_KINDS as readonly string[]).includes(value);

/** `/documents`: statements, contract copies, letters and notices, filterable, each downloadable. */
export function DocumentsPage() {
  const { t: translate } = useTranslation();
  // Keys under `documents.` are built from kinds; a plain signature keeps TypeScript's key types shallow.
  const t = translate as unknown as (key: string, values?: Record<string, unknown>) => string;
  const brand = useBrandInfo();
  useDocumentTitle(t('documents.title'), brand.name);
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const yearParam = Number(params.get('year'));
  const filters: DocumentFilters = {
    accountId: params.get('account') ?? undefined,
    kind: isKind(kindParam) ? kindParam : undefined,
    year: Number.isInteger(yearParam) && yearParam > 2000 ? yearParam : undefined,
  };
  const pages = useCursorPages();
  const documents = useDocuments(filters, pages.cursor);
  const accounts = useAccounts();
  const vehicleName = useVehicleName();
  const [years] = useState(recentYears);

  const change = (name: 'account' | 'kind' | 'year', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    pages.reset();
  };
  const filtered = Boolean(filters.accountId || filters.kind || filters.year);

  return (
    <Stack gap="lg">
      <PageHeader title={t('documents.title')} description={t('documents.intro')} />
      <Card component="section" aria-labelledby="document-filters">
        <Card.Section>
          <Card.Title id="document-filters" order={2}>
            {t('documents.filtersTitle')}
          </Card.Title>
        </Card.Section>
        <Card.Section>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NativeSelect
              size="md"
              label={t('documents.accountLabel')}
              value={filters.accountId ?? ''}
              data={[
                { value: '', label: t('documents.allAccounts') },
                ...(accounts.data?.data ?? []).map((a) => ({
                  value: a.id,
                  label: `${vehicleName(a.vehicle)} · ${a.accountNumber}`,
                })),
              ]}
              onChange={(e) => change('account', e.currentTarget.value)}
            />
            <NativeSelect
              size="md"
              label={t('documents.kindLabel')}
              value={filters.kind ?? ''}
              data={[
                { value: '', label: t('documents.allKinds') },
                ...DOCUMENT_KINDS.map((kind) => ({ value: kind, label: t(`documents.kind.${kind}`) })),
              ]}
              onChange={(e) => change('kind', e.currentTarget.value)}
            />
            <NativeSelect
              size="md"
              label={t('documents.yearLabel')}
              value={filters.year ? String(filters.year) : ''}
              data={[
                { value: '', label: t('documents.allYears') },
                ...years.map((y) => ({ value: String(y), label: String(y) })),
              ]}
              onChange={(e) => change('year', e.currentTarget.value)}
            />
          </SimpleGrid>
          {filtered && (
            <Group justify="flex-end" mt="sm">
              <Button variant="subtle" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                {t('documents.clearFilters')}
              </Button>
            </Group>
          )}
        </Card.Section>
      </Card>

      <Card component="section" aria-labelledby="document-list" aria-busy={documents.isFetching}>
        <Card.Section>
          <Card.Title id="document-list" order={2}>
            {t('documents.listTitle')}
          </Card.Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('documents.listNote')}
          </Text>
        </Card.Section>
        <Card.Section>
          <ListStates
            query={documents}
            loadingCards={2}
            empty={{
              title: t('documents.emptyTitle'),
              description: filtered ? t('documents.emptyFiltered') : t('documents.emptyBody'),
            }}
          >
            {(rows) => (
              <Stack gap="md">
                <ul className={classes.list}>
                  {rows.map((doc) => (
                    <DocumentRow key={doc.id} doc={doc} t={t} />
                  ))}
                </ul>
                <CursorPager pages={pages} nextCursor={documents.data?.nextCursor} />
              </Stack>
            )}
          </ListStates>
        </Card.Section>
      </Card>
    </Stack>
  );
}

function DocumentRow({
  doc,
  t,
}: {
  doc: CustomerDocument;
  t: (key: string, values?: Record<string, unknown>) => string;
}) {
  const size = `${Math.max(1, Math.round(doc.sizeBytes / 1024))} KB`;
  return (
    <li className={classes.row}>
      <div className={classes.main}>
        <Group gap="xs" wrap="wrap">
          <ToneBadge tone={doc.kind === 'statement' ? 'info' : 'neutral'}>
            {t(`documents.kind.${doc.kind}`)}
          </ToneBadge>
          {doc.accountLast4 && (
            <Text size="sm" c="dimmed">
              {t('documents.accountEnding', { last4: doc.accountLast4 })}
            </Text>
          )}
        </Group>
        <Text fw={600} className={classes.title}>
          {doc.title}
        </Text>
        <Group gap={6} wrap="wrap">
          <DateText value={doc.asOfDate} size="sm" c="dimmed" />
          <Text size="sm" c="dimmed" aria-hidden>
            ·
          </Text>
          <Text size="sm" c="dimmed">
            {t('documents.pdfSize', { size })}
          </Text>
        </Group>
      </div>
      <Button
        component="a"
        href={documentFileHref(doc.id)}
        download
        variant="default"
        leftSection={<IconDownload size={18} />}
        aria-label={t('documents.downloadLabel', { title: doc.title, date: doc.asOfDate })}
        className={classes.download}
      >
        {t('documents.download')}
      </Button>
    </li>
  );
}
