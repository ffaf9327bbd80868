"use client";

import type { FieldErrors } from "@/lib/desk-results";
import { FieldError } from "@/components/ui/field-error";

export type MediaDetailsValues = { alt: string; caption: string; credit: string };
export const blankMediaDetails: MediaDetailsValues = { alt: "", caption: "", credit: "" };

/**
 * An image's alt text, caption and credit, each with the server's error beside it. Shared by the
 * upload form, the library's edit form and the picker. The inputs have no `name`: the picker sits
 * inside the article form, whose submission must not pick them up.
 */
export function MediaDetailsFields({
  formId,
  values,
  errors,
  onChange,
}: {
  formId: string;
  values: MediaDetailsValues;
  errors: FieldErrors;
  onChange: (values: MediaDetailsValues) => void;
}) {
  const attributes = (name: keyof MediaDetailsValues, hint?: boolean) => {
    const describedBy = [hint ? `${formId}-${name}-hint` : null, errors[name] ? `${formId}-${name}-error` : null].filter(Boolean).join(" ");
    return {
      id: `${formId}-${name}`,
      value: values[name],
      "aria-invalid": errors[name] ? true : undefined,
      "aria-describedby": describedBy || undefined,
      onChange: (event: { target: { value: string } }) => onChange({ ...values, [name]: event.target.value }),
    };
  };
  return (
    <>
      <div className="field">
        <label htmlFor={`${formId}-alt`}>Alt text</label>
        <input {...attributes("alt", true)} autoComplete="off" />
        <p id={`${formId}-alt-hint`} className="hint">
          What the image shows, for readers who cannot see it.
        </p>
        <FieldError formId={formId} name="alt" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-caption`}>Caption</label>
        <textarea {...attributes("caption")} rows={2} />
        <FieldError formId={formId} name="caption" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-credit`}>Credit</label>
        <input {...attributes("credit", true)} autoComplete="off" />
        <p id={`${formId}-credit-hint`} className="hint">
          Who took or made it, e.g. &ldquo;Mira Santos&rdquo;.
        </p>
        <FieldError formId={formId} name="credit" errors={errors} />
      </div>
    </>
  );
}
