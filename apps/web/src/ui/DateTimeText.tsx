import { Text, type TextProps } from '@mantine/core';
import { useFormat } from '../i18n/format.ts';

export interface DateTimeTextProps extends TextProps {
  /** An ISO 8601 instant. */
  value: string;
  component?: 'time';
}

/** A moment (sign-in, message) in the active locale and the browser's time zone, as `<time>`. */
export function DateTimeText({ value, ...props }: DateTimeTextProps) {
  const format = useFormat();
  return (
    <Text component="time" dateTime={value} {...props}>
      {format.dateTime(value)}
    </Text>
  );
}
