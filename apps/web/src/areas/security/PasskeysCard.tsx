import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { PasskeySummary } from '@marque/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, passkeys, passkeysSupported, usePasskeys } from '../../api/index.ts';
import { Card, DateTimeText, ErrorState, IconFingerprint, LoadingState, ToneBadge } from '../../ui/index.ts';
import type { useStepUp } from './StepUp.tsx';
import classes from './security.module.css';
import { StatusAlert, useStatusRun } from './status.tsx';
import { describeUserAgent } from './userAgent.ts';

type Guard = ReturnType<typeof useStepUp>['guard'];
type ErrorKey = 'cancelled' | 'exists' | 'lastFactor' | 'tooMany' | 'unavailable' | 'generic';

/** The security centre's message for a failed change; null when the person cancelled a step-up. */
function errorKey(error: unknown): ErrorKey | null {
  if (!isApiError(error)) return 'generic';
  const keys: Record<string, ErrorKey | null> = {
    step_up_cancelled: null,
    passkey_cancelled: 'cancelled',
    passkey_exists: 'exists',
    passkey_unavailable: 'unavailable',
    last_second_factor: 'lastFactor',
    too_many_passkeys: 'tooMany',
  };
  return error.code in keys ? (keys[error.code] ?? null) : 'generic';
}

/** A name this device's passkey could have: "Chrome on macOS". */
function suggestedName(): string {
  const { browser, os } = describeUserAgent(navigator.userAgent);
  return [browser, os].filter(Boolean).join(' · ').slice(0, 64);
}

/**
 * Passkeys in the security centre: the list, adding one (step-up, then the browser's prompt),
 * renaming and removing. Adding and removing answer "step up first" when the last second factor
 * is older than 5 minutes; `guard` then asks for a code and tries again.
 */
export function PasskeysCard({ guard }: { guard: Guard }) {
  const { t } = useTranslation();
  const list = usePasskeys();
  const [supported] = useState(passkeysSupported);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<PasskeySummary | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const { status, busy, run } = useStatusRun((error) => {
    const key = errorKey(error);
    return key ? t(`security.passkeys.errors.${key}`) : null;
  });

  const add = async (name: string) => {
    const done = await run(
      'add',
      async () => passkeys.create(await guard(passkeys.creationOptions), name),
      t('security.passkeys.addedOk'),
    );
    if (done) setAdding(false);
  };

  const remove = (passkey: PasskeySummary) => {
    setRemoving(null);
    void run(passkey.id, () => guard(() => passkeys.remove(passkey.id)), t('security.passkeys.removed'));
  };

  const items = list.data?.data ?? [];
  return (
    <Card component="section" aria-labelledby="passkeys-title">
      <Card.Section>
        <Card.Title id="passkeys-title">{t('security.passkeys.title')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('security.passkeys.intro')}
        </Text>
        {!supported && (
          <Text size="sm" mt="xs">
            {t('security.passkeys.unsupported')}
          </Text>
        )}
        <StatusAlert status={status} />
      </Card.Section>
      <Card.Section>
        {list.isPending ? (
          <LoadingState cards={1} />
        ) : list.isError ? (
          <ErrorState headingOrder={3} error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Text c="dimmed">{t('security.passkeys.empty')}</Text>
        ) : (
          <ul className={classes.list}>
            {items.map((p) => (
              <li key={p.id} style={{ padding: '0.75rem 0' }}>
                {editing === p.id ? (
                  <NameForm
                    initial={p.name}
                    submitLabel={t('security.passkeys.save')}
                    pending={busy === p.id}
                    onCancel={() => setEditing(null)}
                    onSubmit={async (name) => {
                      const ok = await run(
                        p.id,
                        () => passkeys.rename(p.id, name),
                        t('security.passkeys.renamed'),
                      );
                      if (ok) setEditing(null);
                    }}
                  />
                ) : (
                  <PasskeyRow
                    passkey={p}
                    busy={busy === p.id}
                    onRename={() => setEditing(p.id)}
                    onRemove={() => setRemoving(p)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </Card.Section>
      {supported && (
        <Card.Section>
          {adding ? (
            <NameForm
              initial={suggestedName()}
              submitLabel={t('security.passkeys.create')}
              pending={busy === 'add'}
              onCancel={() => setAdding(false)}
              onSubmit={add}
            />
          ) : (
            <Button
              variant="default"
              leftSection={<IconFingerprint size={18} />}
              onClick={() => setAdding(true)}
            >
              {t('security.passkeys.add')}
            </Button>
          )}
        </Card.Section>
      )}
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('security.passkeys.removeTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Text size="sm">{t('security.passkeys.removeBody', { name: removing?.name ?? '' })}</Text>
        <Group justify="flex-end" gap="sm" mt="lg">
          <Button variant="default" onClick={() => setRemoving(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => removing && remove(removing)}>
            {t('security.passkeys.remove')}
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}

function PasskeyRow(props: {
  passkey: PasskeySummary;
  busy: boolean;
  onRename: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { passkey: p } = props;
  return (
    <div className={classes.row}>
      <div className={classes.rowMain}>
        <span className={classes.rowIcon}>
          <IconFingerprint size={20} />
        </span>
        <div>
          <Group gap="xs">
            <Text fw={650} component="h3" m={0} size="md">
              {p.name}
            </Text>
            {p.backedUp && <ToneBadge tone="good">{t('security.passkeys.synced')}</ToneBadge>}
          </Group>
          <Text size="sm" c="dimmed">
            {t('security.passkeys.added')} <DateTimeText value={p.createdAt} span inherit />
          </Text>
          <Text size="sm" c="dimmed">
            {p.lastUsedAt ? (
              <>
                {t('security.passkeys.lastUsed')} <DateTimeText value={p.lastUsedAt} span inherit />
              </>
            ) : (
              t('security.passkeys.neverUsed')
            )}
          </Text>
        </div>
      </div>
      <Group gap="xs">
        <Button
          variant="default"
          size="sm"
          aria-label={t('security.passkeys.renameOne', { name: p.name })}
          onClick={props.onRename}
        >
          {t('security.passkeys.rename')}
        </Button>
        <Button
          variant="default"
          size="sm"
          loading={props.busy}
          aria-label={t('security.passkeys.removeOne', { name: p.name })}
          onClick={props.onRemove}
        >
          {t('security.passkeys.remove')}
        </Button>
      </Group>
    </div>
  );
}

/** A passkey's name, checked here as the server would, with the error next to the field. */
function NameForm(props: {
  initial: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (name: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (props.pending) return;
    const value = name.trim();
    const problem = !value
      ? t('security.passkeys.nameRequired')
      : value.length > 64
        ? t('security.passkeys.nameTooLong')
        : null;
    setError(problem);
    if (problem) ref.current?.focus();
    else void props.onSubmit(value);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm" maw={440}>
        <TextInput
          ref={ref}
          data-autofocus
          label={t('security.passkeys.nameLabel')}
          description={t('security.passkeys.nameHelp')}
          value={name}
          maxLength={100}
          onChange={(e) => {
            setName(e.currentTarget.value);
            if (error) setError(null);
          }}
          error={error}
        />
        <Group gap="sm">
          <Button type="submit" loading={props.pending}>
            {props.submitLabel}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
