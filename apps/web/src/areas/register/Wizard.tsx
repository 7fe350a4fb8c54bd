import { Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { Card, PageHeader } from '../../ui/index.ts';
import classes from './register.module.css';
import { Stepper } from './Stepper.tsx';

export interface WizardProps<S extends string> {
  title: string;
  intro: string;
  steps: readonly S[];
  current: S;
  /** The name of each step, in the stepper and the document title. */
  nameOf: (step: S) => string;
  /** The stepper's label, e.g. "Recovery steps". */
  label: string;
  heading: string;
  headingIntro: string;
  children: ReactNode;
  /** Below the card (notes that apply to the whole). */
  after?: ReactNode;
}

/**
 * A page of steps (account recovery, an invitation): the page title, then one card with the
 * stepper and the current step under its own heading. Each new step is announced: focus moves to
 * its heading and the page scrolls to the top.
 */
export function Wizard<S extends string>(props: WizardProps<S>) {
  const { title, intro, steps, current, nameOf, label, heading, headingIntro, children, after } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shown = useRef(current);
  useEffect(() => {
    if (shown.current === current) return;
    shown.current = current;
    headingRef.current?.focus();
    window.scrollTo({ top: 0 });
  }, [current]);

  return (
    <div className={classes.layout}>
      <PageHeader title={title} description={intro} />
      <Card className={classes.card}>
        <Stepper current={current} steps={steps} nameOf={nameOf} label={label} />
        <Title order={2} size="h3" tabIndex={-1} ref={headingRef} mb={6}>
          {heading}
        </Title>
        <Text c="dimmed" mb="lg">
          {headingIntro}
        </Text>
        {children}
      </Card>
      {after}
    </div>
  );
}
