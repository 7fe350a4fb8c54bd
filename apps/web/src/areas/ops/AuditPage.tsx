import { Button, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type AuditFilters, useAuditLog } from '../../api/index.ts';
import {
  Card,
  CursorPager,
  DateTimeText,
  IconFolder,
  ListStates,
  PageHeader,
  type Tone,
  ToneBadge,
  useCursorPages,
  useDocumentTitle,
} from '../../ui/index.ts';
import { serverFieldErrors } from '../shared/fieldErrors.ts';
import { useBrandInfo } from '../shared/useBrandInfo.ts';
import { OpsError } from './OpsStates.tsx';
import classes from './ops.module.css';

const OUTCOME_TONE: Record<string, Tone> = { success: 'good', failure: 'warning', denied: 'danger' };

/** `datetime-local` value (browser time) -> ISO instant; '' when empty or invalid. */
function toInstant(local: string): string {
  if (!local) return '';
  const time = Date.parse(local);
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}

/** ISO instant -> `datetime-local` value in the browser's time zone. */
function toLocal(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * `/ops/audit`: the security audit trail with filters kept in the URL (shareable, no personal
 * data: an action name, a user ID and dates), newest first, page by page.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const brand = useBrandInfo();
  useDocumentTitle(t('ops.audit.title'), brand.name);
  const [params, setParams] = useSearchParams();
  const filters = useMemo<AuditFilters>(() => {
    const f: AuditFilters = {};
    for (const key of ['action', 'actorUserId', 'from', 'to'] as const) {
      const v = params.get(key);
      if (v) f[key] = v;
    }
    return f;
  }, [params]);
  const [draft, setDraft] = useState({
    action: filters.action ?? '',
    actorUserId: filters.actorUserId ?? '',
    from: toLocal(filters.from ?? null),
    to: toLocal(filters.to ?? null),
  });
  const pages = useCursorPages();
  const log = useAuditLog(filters, pages.cursor);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.action.trim()) next.set('action', draft.action.trim());
    if (draft.actorUserId.trim()) next.set('actorUserId', draft.actorUserId.trim());
    const from = toInstant(draft.from);
    const to = toInstant(draft.to);
    if (from) next.set('from', from);
    if (to) next.set('to', to);
    pages.reset();
    setParams(next, { replace: true });
  };

  const clear = () => {
    setDraft({ action: '', actorUserId: '', from: '', to: '' });
    pages.reset();
    setParams(new URLSearchParams(), { replace: true });
  };

  const serverErrors = serverFieldErrors(log.error, ['action', 'actorUserId', 'from', 'to'] as const);
  const fieldError = (field: keyof typeof serverErrors) => serverErrors[field]?.message;

  return (
    <Stack gap="lg">
      <PageHeader title={t('ops.audit.title')} description={t('ops.audit.intro')} />
      <Card component="section" aria-labelledby="audit-filters">
        <Card.Section>
          <Card.Title id="audit-filters" order={2}>
            <Text component="span" fw={650} size="md">
              {t('ops.audit.filters')}
            </Text>
          </Card.Title>
          <form onSubmit={apply} noValidate>
            <div className={classes.filters}>
              <TextInput
                mt="sm"
                label={t('ops.audit.action')}
                placeholder="auth.login"
                value={draft.action}
                onChange={(e) => setDraft((d) => ({ ...d, action: e.currentTarget.value }))}
                error={fieldError('action')}
                autoCapitalize="none"
                spellCheck={false}
              />
              <TextInput
                mt="sm"
                label={t('ops.audit.actor')}
                placeholder="usr_…"
                value={draft.actorUserId}
                onChange={(e) => setDraft((d) => ({ ...d, actorUserId: e.currentTarget.value }))}
                error={fieldError('actorUserId')}
                autoCapitalize="none"
                spellCheck={false}
              />
              <TextInput
                mt="sm"
                type="datetime-local"
                label={t('ops.audit.from')}
                value={draft.from}
                onChange={(e) => setDraft((d) => ({ ...d, from: e.currentTarget.value }))}
                error={fieldError('from')}
              />
              <TextInput
                mt="sm"
                type="datetime-local"
                label={t('ops.audit.to')}
                value={draft.to}
                onChange={(e) => setDraft((d) => ({ ...d, to: e.currentTarget.value }))}
                error={fieldError('to')}
              />
            </div>
            <Group mt="md" gap="sm">
              <Button type="submit">{t('ops.audit.apply')}</Button>
              <Button variant="default" onClick={clear}>
                {t('ops.audit.clear')}
              </Button>
            </Group>
          </form>
        </Card.Section>
      </Card>

      <ListStates
        query={log}
        loadingCards={1}
        headingOrder={2}
        renderError={(retry) => <OpsError {...retry} />}
        empty={{
          icon: <IconFolder size={24} />,
          title: t('ops.audit.emptyTitle'),
          description: t('ops.audit.emptyBody'),
        }}
      >
        {(rows) => (
          <Card>
            <section
              className={classes.tableWrap}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
              tabIndex={0}
              aria-label={t('ops.audit.tableLabel')}
              aria-busy={log.isFetching}
            >
              <Table
                className={classes.table}
                striped
                highlightOnHover
                verticalSpacing="sm"
                horizontalSpacing="md"
              >
                <caption>
                  <VisuallyHidden>{t('ops.audit.tableLabel')}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('ops.audit.when')}</Table.Th>
                    <Table.Th scope="col">{t('ops.audit.action')}</Table.Th>
                    <Table.Th scope="col">{t('ops.audit.outcome')}</Table.Th>
                    <Table.Th scope="col">{t('ops.audit.actorCol')}</Table.Th>
                    <Table.Th scope="col">{t('ops.audit.subject')}</Table.Th>
                    <Table.Th scope="col">{t('ops.audit.source')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((e) => {
                    const details = Object.entries(e.details);
                    return (
                      <Table.Tr key={e.id}>
                        <Table.Td>
                          <DateTimeText value={e.occurredAt} size="sm" />
                        </Table.Td>
                        <Table.Td>
                          <code>{e.action}</code>
                          {details.length > 0 && (
                            <div className={classes.details}>
                              {details.map(([k, v]) => `${k}=${String(v)}`).join(' ')}
                            </div>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <ToneBadge tone={OUTCOME_TONE[e.outcome] ?? 'neutral'}>
                            {t(`ops.audit.outcomes.${e.outcome}`)}
                          </ToneBadge>
                        </Table.Td>
                        <Table.Td>
                          {e.actor ? (
                            <>
                              <Text size="sm">{e.actor.email}</Text>
                              <Text size="xs" c="dimmed">
                                <code>{e.actor.id}</code>
                              </Text>
                            </>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">
                            <code>{e.subjectUserId ?? e.subjectCustomerId ?? '—'}</code>
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">{e.ip ?? '—'}</Text>
                          {e.requestId && (
                            <Text size="xs" c="dimmed">
                              <code>{e.requestId}</code>
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </section>
          </Card>
        )}
      </ListStates>
      <CursorPager pages={pages} nextCursor={log.data?.nextCursor} />
    </Stack>
  );
}
