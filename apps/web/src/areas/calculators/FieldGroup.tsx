import type { ReactNode } from 'react';
import { CalcField } from './CalcField.tsx';
import classes from './calculators.module.css';
import type { FieldSpec, useCalculatorForm } from './useCalculatorForm.ts';

/** A titled group of inputs (a fieldset, so screen readers hear the group's name). */
export function FieldGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className={classes.group}>
      <legend className={classes.groupTitle}>{title}</legend>
      {children}
    </fieldset>
  );
}

/** Two short inputs side by side (on a phone too: percent and months fit). */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div className={classes.fieldRow}>{children}</div>;
}

type Form = ReturnType<typeof useCalculatorForm>;

/** Renders the field `name` of `specs` bound to the form; nothing when it does not apply. */
export function fieldRenderer(specs: readonly FieldSpec[], form: Form) {
  return (name: string, options?: readonly string[]) => {
    const spec = specs.find((s) => s.name === name);
    if (!spec || (spec.when && !spec.when(form.values))) return null;
    return (
      <CalcField
        key={name}
        spec={spec}
        value={form.values[name] ?? ''}
        onChange={(v) => form.setValue(name, v)}
        error={form.fieldErrors[name]}
        {...(options ? { options } : {})}
      />
    );
  };
}
