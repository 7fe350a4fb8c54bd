import { Box, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './ProgressMeter.module.css';

export interface ProgressMeterProps {
  /** Accessible name of the progress bar. */
  label: string;
  value: number;
  max: number;
  /** What assistive technology announces instead of a bare percentage. */
  valueText: string;
  /** Visible caption left and right above the bar. */
  start?: ReactNode;
  end?: ReactNode;
}

export function ProgressMeter({ label, value, max, valueText, start, end }: ProgressMeterProps) {
  const percent = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <Box>
      {(start || end) && (
        <Group justify="space-between" gap="xs" mb={6} wrap="nowrap">
          <Text size="sm" fw={500}>
            {start}
          </Text>
          <Text size="sm" c="dimmed" ta="right">
            {end}
          </Text>
        </Group>
      )}
      <div
        className={classes.track}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={valueText}
      >
        <div className={classes.bar} style={{ width: `${percent}%` }} />
      </div>
    </Box>
  );
}
