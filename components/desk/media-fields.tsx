"use client";

import type { FieldErrors } from "@/lib/desk-results";
import { Field } from "@/components/ui/field";

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
  const form = { id: formId, fieldErrors: errors };
  const edit = (name: keyof MediaDetailsValues) => ({
    value: values[name],
    onChange: (event: { target: { value: string } }) => onChange({ ...values, [name]: event.target.value }),
  });
  return (
    <>
      <Field form={form} name="alt" named={false} label="Alt text" hint="What the image shows, for readers who cannot see it.">
        {(control) => <input {...control} {...edit("alt")} autoComplete="off" />}
      </Field>
      <Field form={form} name="caption" named={false} label="Caption">
        {(control) => <textarea {...control} {...edit("caption")} rows={2} />}
      </Field>
      <Field form={form} name="credit" named={false} label="Credit" hint={<>Who took or made it, e.g. &ldquo;Mira Santos&rdquo;.</>}>
        {(control) => <input {...control} {...edit("credit")} autoComplete="off" />}
      </Field>
    </>
  );
}
