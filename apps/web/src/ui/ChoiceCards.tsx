import { type ReactNode, type Ref, useId } from 'react';
import classes from './ChoiceCards.module.css';

export interface Choice<V extends string> {
  value: V;
  label: ReactNode;
  /** Shown at the end of the first line: an amount, say. */
  aside?: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

export interface ChoiceCardsProps<V extends string> {
  legend: ReactNode;
  description?: ReactNode;
  name: string;
  choices: Choice<V>[];
  value: V | null;
  onChange: (value: V) => void;
  error?: ReactNode;
  /** Two columns from small tablets up (one on phones). */
  columns?: 1 | 2;
  /** The first radio, to move focus here when the group has an error. */
  firstRef?: Ref<HTMLInputElement>;
}

/**
 * A radio group drawn as large cards, phone first: real `<input type="radio">` in a fieldset, so
 * arrow keys, screen readers and form semantics work as for any radio; the legend names the
 * group and the error is tied to it with aria-describedby.
 */
export function ChoiceCards<V extends string>({
  legend,
  description,
  name,
  choices,
  value,
  onChange,
  error,
  columns = 1,
  firstRef,
}: ChoiceCardsProps<V>) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={classes.group} aria-describedby={describedBy}>
      <legend className={classes.legend}>{legend}</legend>
      {description && (
        <p id={descriptionId} className={classes.description}>
          {description}
        </p>
      )}
      <div className={classes.list} data-columns={columns}>
        {choices.map((choice, index) => {
          const base = `${id}-${choice.value}`;
          const hintId = choice.hint ? `${base}-hint` : undefined;
          return (
            <label key={choice.value} className={classes.card}>
              <input
                ref={index === 0 ? firstRef : undefined}
                className={classes.input}
                type="radio"
                name={name}
                value={choice.value}
                checked={value === choice.value}
                disabled={choice.disabled}
                // Name: the label and the amount; the hint is read as the description.
                aria-labelledby={choice.aside ? `${base}-label ${base}-aside` : `${base}-label`}
                aria-describedby={hintId}
                aria-invalid={error ? true : undefined}
                onChange={() => onChange(choice.value)}
              />
              <span className={classes.body}>
                <span className={classes.head}>
                  <span id={`${base}-label`} className={classes.label}>
                    {choice.label}
                  </span>
                  {choice.aside && (
                    <span id={`${base}-aside`} className={classes.aside}>
                      {choice.aside}
                    </span>
                  )}
                </span>
                {choice.hint && (
                  <span id={hintId} className={classes.hint}>
                    {choice.hint}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
      {error && (
        <p id={errorId} className={classes.error}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
