import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconCheckCircle } from '../../ui/index.ts';
import classes from './register.module.css';

export const STEPS = ['identity', 'credentials', 'email', 'authenticator', 'consents', 'done'] as const;
export type Step = (typeof STEPS)[number];

/** Where the person is: every step on wide screens; "Step 2 of 6" and the current name on phones. */
export function Stepper({ current }: { current: Step }) {
  const { t } = useTranslation();
  const index = STEPS.indexOf(current);
  return (
    <nav aria-label={t('register.stepsLabel')} className={classes.stepper}>
      <Text size="sm" fw={600} c="dimmed" className={classes.stepCount}>
        {t('register.stepOf', { n: index + 1, total: STEPS.length })}
      </Text>
      <ol className={classes.steps}>
        {STEPS.map((step, i) => {
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
                {t(`register.steps.${step}`)}
                {state === 'done' && <span className={classes.srOnly}> ({t('register.stepDone')})</span>}
              </span>
            </li>
          );
        })}
      </ol>
      <div className={classes.track} aria-hidden="true">
        <div className={classes.trackBar} data-step={index} />
      </div>
    </nav>
  );
}
