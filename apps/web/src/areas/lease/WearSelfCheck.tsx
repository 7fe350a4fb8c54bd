import { Group, NumberInput, Text } from '@mantine/core';
import type { EndOfTermOptions, WearCounts, WearItem } from '@marque/contracts';
import { useFormat } from '../../i18n/format.ts';
import { Card, MoneyText } from '../../ui/index.ts';
import classes from './lease.module.css';
import { useLeaseT } from './leaseText.ts';

/**
 * The wear-and-use guide as a self-check: a count per item beside its standard charge. The total
 * comes back from the server (the UI never adds money), in the end-of-term figures.
 */
export function WearSelfCheck({
  guide,
  wear,
  counts,
  onChange,
  updating,
}: {
  guide: EndOfTermOptions['wearGuide'];
  wear: EndOfTermOptions['wear'];
  counts: WearCounts;
  onChange: (counts: WearCounts) => void;
  updating: boolean;
}) {
  const t = useLeaseT();
  const format = useFormat();
  return (
    <Card component="section" aria-labelledby="wear-title">
      <Card.Section>
        <Card.Title id="wear-title">{t('wear.heading')}</Card.Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('wear.intro')}
        </Text>
      </Card.Section>
      <Card.Section py="xs">
        {guide.map((g) => (
          <div className={classes.wearRow} key={g.item}>
            <div>
              <Text size="sm" fw={600} id={`wear-${g.item}-label`}>
                {t(`wear.items.${g.item}`)}
              </Text>
              <Text size="xs" c="dimmed" id={`wear-${g.item}-each`}>
                {t('wear.each', { amount: format.money(g.unit) })}
              </Text>
            </div>
            <NumberInput
              className={classes.wearInput}
              aria-labelledby={`wear-${g.item}-label`}
              aria-describedby={`wear-${g.item}-each`}
              name={`wear-${g.item}`}
              min={0}
              max={g.max}
              clampBehavior="strict"
              allowDecimal={false}
              allowNegative={false}
              value={counts[g.item as WearItem] ?? 0}
              onChange={(v) => onChange({ ...counts, [g.item]: typeof v === 'number' ? v : 0 })}
            />
          </div>
        ))}
      </Card.Section>
      <Card.Section muted>
        <Group justify="space-between" aria-live="polite">
          <Text fw={700}>{updating ? t('wear.updating') : t('wear.total')}</Text>
          <MoneyText value={wear.total} fw={800} fz={22} data-testid="wear-total" />
        </Group>
      </Card.Section>
    </Card>
  );
}
