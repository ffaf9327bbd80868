"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { addNoteAction } from "@/lib/articles/actions";

/** "Add a note": the text stays in the box until the server has kept it. */
export function AddNoteForm({ articleId }: { articleId: string }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useDeskTransition();
  const id = useId();

  return (
    <form
      className="add-note"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await addNoteAction({ articleId, body });
          if (!result.ok) {
            setError(result.fieldErrors?.body?.[0] ?? result.error);
            return;
          }
          setBody("");
          router.refresh();
        });
      }}
    >
      <h3 id={`${id}-heading`}>Add a note</h3>
      <div className="field">
        <label htmlFor={`${id}-body`}>Note</label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={3}
          value={body}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setBody(event.target.value)}
        />
        {error ? (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={pending}>
        Add note
      </button>
    </form>
  );
}
