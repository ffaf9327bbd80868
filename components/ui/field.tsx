import type { ChangeEvent, ReactNode } from "react";
import type { FieldErrors } from "@/lib/desk-results";
import { FieldError } from "./field-error";

/** What a field's control needs to be found by its label and read with its hint and error. */
export type ControlProps = {
  id: string;
  name?: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

/** The aria attributes that point a control at its hint and at the server's error for it. */
export function describedBy(formId: string, name: string, errors: FieldErrors, { hint = false } = {}) {
  const invalid = Boolean(errors[name]?.length);
  const ids = [hint ? `${formId}-${name}-hint` : null, invalid ? `${formId}-${name}-error` : null].filter(Boolean).join(" ");
  return { "aria-invalid": invalid ? (true as const) : undefined, "aria-describedby": ids || undefined };
}

/**
 * The props that tie a control to its label (`${formId}-${name}`), its hint (`…-hint`) and the
 * server's error for it (`…-error`), so assistive technology reads the hint and the error with it.
 */
export function controlProps(formId: string, name: string, errors: FieldErrors, { hint = false, named = true } = {}): ControlProps {
  return { id: `${formId}-${name}`, ...(named ? { name } : {}), ...describedBy(formId, name, errors, { hint }) };
}

/**
 * One labelled field of a desk form: the label, the control (given its props by `children`), an
 * optional hint and the server's error for it. Every desk form builds its fields with this, so each
 * one is labelled, described and marked invalid the same way.
 */
type FieldProps = {
  form: { id: string; fieldErrors: FieldErrors };
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** False for a control whose value must not be submitted with the form it sits in. */
  named?: boolean;
};

export function Field({ form, name, label, hint, named = true, children }: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const control = controlProps(form.id, name, form.fieldErrors, { hint: Boolean(hint), named });
  return (
    <div className="field">
      <label htmlFor={control.id}>{label}</label>
      {children(control)}
      {hint ? (
        <p id={`${control.id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError formId={form.id} name={name} errors={form.fieldErrors} />
    </div>
  );
}

/** A masked password field; `autoComplete` tells the browser's password manager which password it is. */
export function PasswordField({
  autoComplete,
  value,
  onChange,
  ...field
}: FieldProps & {
  autoComplete: "current-password" | "new-password";
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  return <Field {...field}>{(control) => <input {...control} type="password" autoComplete={autoComplete} value={value} onChange={onChange} />}</Field>;
}
