import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconAlertTriangle, IconCheckCircle, IconCopy, IconDownload } from '../../ui/index.ts';
import classes from './security.module.css';

export interface RecoveryCodesPanelProps {
  codes: string[];
  onDone: () => void;
  doneLabel?: string;
}

/**
 * Ten recovery codes, shown once: copy, download as a text file, and an "I saved them" checkbox
 * before moving on. They live only in memory, never in storage.
 */
export function RecoveryCodesPanel({ codes, onDone, doneLabel }: RecoveryCodesPanelProps) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const [downloadUrl, setDownloadUrl] = useState<string | null>(null);
  const headingId = useId();

  useEffect(() => {
    const blob = new Blob([`${t('recovery.fileHeader')}\n\n${codes.join('\n')}\n`], { type: 'text/plain' });
    const url = URL.createObjectURL(blob);
    setDownloadUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [codes, t]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <Stack gap="md">
      <Alert
        color="yellow"
        icon={<IconAlertTriangle />}
        title={t('recovery.onceTitle')}
        styles={{ title: { color: '#5c3d00' }, icon: { color: '#5c3d00' } }}
      >
        {t('recovery.onceBody')}
      </Alert>
      <section aria-labelledby={headingId}>
        <Text id={headingId} fw={650} mb="xs">
          {t('recovery.listLabel', { count: codes.length })}
        </Text>
        <ol className={classes.codes} data-testid="recovery-codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
      </section>
      <Group gap="sm">
        <Button variant="default" leftSection={<IconCopy size={18} />} onClick={() => void copy()}>
          {t('recovery.copy')}
        </Button>
        {downloadUrl && (
          <Button
            component="a"
            href={downloadUrl}
            download="recovery-codes.txt"
            variant="default"
            leftSection={<IconDownload size={18} />}
          >
            {t('recovery.download')}
          </Button>
        )}
      </Group>
      <Text size="sm" role="status" c={copied === 'failed' ? 'red.8' : 'teal.9'} mih={copied ? undefined : 0}>
        {copied === 'yes' && (
          <>
            <IconCheckCircle size={16} /> {t('recovery.copied')}
          </>
        )}
        {copied === 'failed' && t('recovery.copyFailed')}
      </Text>
      <Checkbox
        checked={saved}
        onChange={(event) => setSaved(event.currentTarget.checked)}
        label={t('recovery.savedCheckbox')}
        size="md"
      />
      <Button size="md" disabled={!saved} onClick={onDone}>
        {doneLabel ?? t('recovery.continue')}
      </Button>
    </Stack>
  );
}
