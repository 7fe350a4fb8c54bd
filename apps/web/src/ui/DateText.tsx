import { Text, type TextProps } from '@mantine/core';
import { type DateStyle, useFormat } from '../i18n/format.ts';

export interface DateTextProps extends TextProps {
  /** Calendar date as `YYYY-MM-DD`. */
  value: string;
  dateStyle?: DateStyle;
}

/** A calendar date in the active locale, as a machine-readable `<time>` element. */
export function DateText({ value, dateStyle = 'medium', ...props }: DateTextProps) {
  const format = useFormat();
  return (
    <Text component="time" dateTime={value} {...props}>
      {format.date(value, dateStyle)}
    </Text>
  );
}
