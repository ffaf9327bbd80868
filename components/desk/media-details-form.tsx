"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { updateMediaDetailsAction } from "@/lib/media/actions";
import type { FieldErrors } from "@/lib/desk-results";
import type { LibraryImage } from "@/lib/media/types";
import { StatusLine, type FormMessage } from "@/components/ui/status-line";
import { MediaDetailsFields, type MediaDetailsValues } from "./media-fields";

/** Edits one library image's alt text, caption and credit, behind a disclosure on its card. */
export function MediaDetailsForm({ image }: { image: LibraryImage }) {
  const router = useRouter();
  const [details, setDetails] = useState<MediaDetailsValues>({ alt: image.alt, caption: image.caption, credit: image.credit });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [pending, startTransition] = useDeskTransition();
  const id = useId();

  return (
    <details className="media-edit">
      <summary>
        Edit details<span className="visually-hidden"> of {image.originalName}</span>
      </summary>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setMessage(null);
          startTransition(async () => {
            const result = await updateMediaDetailsAction({ id: image.id, ...details });
            if (!result.ok) {
              setErrors(result.fieldErrors ?? {});
              setMessage({ kind: "error", text: result.error });
              return;
            }
            setErrors({});
            setMessage({ kind: "done", text: "Saved." });
            router.refresh();
          });
        }}
      >
        <MediaDetailsFields formId={id} values={details} errors={errors} onChange={setDetails} />
        <div className="button-row">
          <button type="submit" className="button" disabled={pending}>
            Save details
          </button>
          <StatusLine message={message} />
        </div>
      </form>
    </details>
  );
}
