import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './PasswordStrength.module.css';
import { estimateStrength } from './passwordStrength.ts';

export interface PasswordStrengthProps {
  password: string;
  /** Words it must not be built on: names, e-mail, brand. */
  context?: readonly string[];
  id?: string;
}

/**
 * Four bars and a sentence. The sentence carries the meaning (colour is only decoration) and is
 * announced politely as the person types; link it with `aria-describedby` from the field.
 */
export function PasswordStrength({ password, context, id }: PasswordStrengthProps) {
  const { t } = useTranslation();
  const { level, hint } = estimateStrength(password, context);
  const levelClass = classes[`on${level}` as 'on0'];
  return (
    <div>
      <div className={classes.bars} aria-hidden="true">
        {[1, 2, 3, 4].map((n) => (
          <span
            key={n}
            className={`${classes.bar} ${password && n <= Math.max(level, 1) ? levelClass : ''}`}
          />
        ))}
      </div>
      <Text id={id} size="sm" c="dimmed" mt={6} aria-live="polite">
        {password
          ? `${t(`password.level.${level}`)}${hint ? ` ${t(`password.hint.${hint}`)}` : ''}`
          : t('password.rules')}
      </Text>
    </div>
  );
}
