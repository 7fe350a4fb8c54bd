import type { ReactNode } from 'react';
import classes from './FactList.module.css';

export interface Fact {
  key: string;
  label: ReactNode;
  value: ReactNode;
}

/** Label / value pairs as a real description list (`dl`), one per row. */
export function FactList({ facts }: { facts: Fact[] }) {
  return (
    <dl className={classes.list}>
      {facts.map((fact) => (
        <div key={fact.key} className={classes.item}>
          <dt className={classes.label}>{fact.label}</dt>
          <dd className={classes.value}>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
