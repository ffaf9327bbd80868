"use client";

import { useRouter } from "next/navigation";
import { addNoteAction } from "@/lib/articles/actions";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";

/** "Add a note": the text stays in the box until the server has kept it. */
export function AddNoteForm({ articleId }: { articleId: string }) {
  const router = useRouter();
  const form = useFormAction({ body: "" });

  return (
    <form
      className="add-note"
      aria-labelledby={`${form.id}-heading`}
      noValidate
      onSubmit={form.submitWith(
        async () => {
          const result = await addNoteAction({ articleId, body: form.values.body });
          // The box is the form's only field: whatever went wrong is said beside it.
          return result.ok ? result : { ...result, fieldErrors: { body: [result.fieldErrors?.body?.[0] ?? result.error] } };
        },
        () => {
          form.update("body", "");
          router.refresh();
        },
      )}
    >
      <h3 id={`${form.id}-heading`}>Add a note</h3>
      <Field form={form} name="body" label="Note">
        {(control) => <textarea {...control} rows={3} {...form.bind("body")} />}
      </Field>
      <button type="submit" className="button" disabled={form.busy}>
        Add note
      </button>
    </form>
  );
}
