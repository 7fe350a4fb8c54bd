import { Text, type TextProps } from '@mantine/core';
import type { Money } from '@marque/contracts';
import { useFormat } from '../i18n/format.ts';

export interface MoneyTextProps extends TextProps {
  value: Money;
  component?: 'span' | 'p' | 'div' | 'dd';
}

/** An amount of money in the active locale. Formatting only: amounts are never computed client-side. */
export function MoneyText({ value, component = 'span', className, ...props }: MoneyTextProps) {
  const format = useFormat();
  return (
    <Text component={component} className={['tabular', className].filter(Boolean).join(' ')} {...props}>
      {format.money(value)}
    </Text>
  );
}
