import { TextInput, type TextInputProps } from '@mantine/core';
import type { Ref } from 'react';

export interface MoneyInputProps extends Omit<TextInputProps, 'leftSection' | 'inputMode' | 'autoComplete'> {
  ref?: Ref<HTMLInputElement>;
}

/**
 * Dollars and cents as text (parsed with parseDollars, never as a float): the decimal keypad on
 * phones, a "$" the screen reader skips (the label says what the amount is for).
 */
export function MoneyInput(props: MoneyInputProps) {
  return (
    <TextInput
      {...props}
      leftSection={<span aria-hidden="true">$</span>}
      inputMode="decimal"
      autoComplete="off"
    />
  );
}
