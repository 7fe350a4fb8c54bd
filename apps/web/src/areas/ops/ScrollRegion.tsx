import type { ReactNode } from 'react';
import classes from './cob.module.css';

/**
 * A wide table that scrolls sideways on a phone. It holds nothing focusable, so the scrolling
 * box itself takes focus (arrow keys scroll it) and is named for screen readers.
 */
export function ScrollRegion({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className={classes.scroll} tabIndex={0} aria-label={label}>
      <div style={{ minWidth }}>{children}</div>
    </section>
  );
}
