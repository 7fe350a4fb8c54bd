import { Text } from '@mantine/core';
import type { Money } from '@marque/contracts';
import type { ReactNode } from 'react';
import { MoneyText } from '../../ui/index.ts';
import classes from './calculators.module.css';

/** The one figure the visitor came for, large; announced politely when it changes. */
export function Headline({ label, value, note }: { label: string; value: Money; note?: ReactNode }) {
  return (
    <div aria-live="polite" aria-atomic="true">
      <Text className={classes.headlineLabel}>{label}</Text>
      <div data-figure="headline">
        <MoneyText value={value} className={classes.headline} component="p" />
      </div>
      {note && (
        <Text size="sm" c="dimmed" mt={4}>
          {note}
        </Text>
      )}
    </div>
  );
}

/** Secondary figures under the headline. */
export function Stats({ items }: { items: Array<{ key: string; label: string; value: ReactNode }> }) {
  return (
    <dl className={classes.stats}>
      {items.map((item) => (
        <div key={item.key} className={classes.stat}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" m={0} className={`${classes.statValue} tabular`}>
            {item.value}
          </Text>
        </div>
      ))}
    </dl>
  );
}

export const money = (value: Money) => <MoneyText value={value} />;
