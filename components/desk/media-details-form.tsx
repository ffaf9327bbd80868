"use client";

import { useRouter } from "next/navigation";
import { updateMediaDetailsAction } from "@/lib/media/actions";
import type { LibraryImage } from "@/lib/media/types";
import { StatusLine } from "@/components/ui/status-line";
import { useFormAction } from "@/components/ui/use-form-action";
import { MediaDetailsFields, type MediaDetailsValues } from "./media-fields";

/** Edits one library image's alt text, caption and credit, behind a disclosure on its card. */
export function MediaDetailsForm({ image }: { image: LibraryImage }) {
  const router = useRouter();
  const form = useFormAction<MediaDetailsValues>({ alt: image.alt, caption: image.caption, credit: image.credit });

  return (
    <details className="media-edit">
      <summary>
        Edit details<span className="visually-hidden"> of {image.originalName}</span>
      </summary>
      <form
        noValidate
        onSubmit={form.submitWith(
          () => updateMediaDetailsAction({ id: image.id, ...form.values }),
          () => {
            router.refresh();
            return { kind: "done", text: "Saved." };
          },
        )}
      >
        <MediaDetailsFields formId={form.id} values={form.values} errors={form.fieldErrors} onChange={form.setValues} />
        <div className="button-row">
          <button type="submit" className="button" disabled={form.busy}>
            Save details
          </button>
          <StatusLine message={form.message} />
        </div>
      </form>
    </details>
  );
}
