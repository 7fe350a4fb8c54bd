import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconCheckCircle } from '../../ui/index.ts';
import classes from './register.module.css';

export const STEPS = ['identity', 'credentials', 'email', 'authenticator', 'consents', 'done'] as const;
export type Step = (typeof STEPS)[number];

/**
 * Where the person is: every step on wide screens; "Step 2 of 6" and the current name on phones.
 * Registration's steps by default; another wizard (account recovery) passes its own steps, their
 * names and the label of the whole.
 */
export function Stepper<S extends string = Step>({
  current,
  steps = STEPS as unknown as readonly S[],
  nameOf,
  label,
}: {
  current: S;
  steps?: readonly S[];
  nameOf?: (step: S) => string;
  label?: string;
}) {
  const { t } = useTranslation();
  const index = steps.indexOf(current);
  const name = nameOf ?? ((step: S) => t(`register.steps.${step as Step}`));
  return (
    <nav aria-label={label ?? t('register.stepsLabel')} className={classes.stepper}>
      <Text size="sm" fw={600} c="dimmed" className={classes.stepCount}>
        {t('register.stepOf', { n: index + 1, total: steps.length })}
      </Text>
      <ol className={classes.steps}>
        {steps.map((step, i) => {
          const state = i < index ? 'done' : i === index ? 'current' : 'todo';
          return (
            <li
              key={step}
              className={classes.step}
              data-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className={classes.dot} aria-hidden="true">
                {state === 'done' ? <IconCheckCircle size={18} /> : i + 1}
              </span>
              <span className={classes.stepName}>
                {name(step)}
                {state === 'done' && <span className={classes.srOnly}> ({t('register.stepDone')})</span>}
              </span>
            </li>
          );
        })}
      </ol>
      <div className={classes.track} aria-hidden="true">
        <div className={classes.trackBar} style={{ width: `${((index + 1) / steps.length) * 100}%` }} />
      </div>
    </nav>
  );
}
