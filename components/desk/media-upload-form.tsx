"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import type { FieldErrors } from "@/lib/desk-results";
import { Field } from "@/components/ui/field";
import { StatusLine } from "@/components/ui/status-line";
import { useFormAction } from "@/components/ui/use-form-action";
import { blankMediaDetails, MediaDetailsFields, type MediaDetailsValues } from "./media-fields";
import { sendUpload } from "./send-upload";

export const acceptedImageTypes = "image/jpeg,image/png,image/webp,image/avif,.jpg,.jpeg,.png,.webp,.avif";

/** The file input, its hint and its error: shared by the desk's upload form and the picker's. */
export function ImageFileField({
  formId,
  errors,
  inputRef,
  onChange,
}: {
  formId: string;
  errors: FieldErrors;
  inputRef: React.RefObject<HTMLInputElement | null>;
  onChange?: () => void;
}) {
  return (
    <Field form={{ id: formId, fieldErrors: errors }} name="file" named={false} label="Image" hint="JPEG, PNG, WebP or AVIF, up to 10 MB.">
      {(control) => <input {...control} ref={inputRef} type="file" accept={acceptedImageTypes} onChange={onChange} />}
    </Field>
  );
}

/**
 * Uploads an image to the library. A refused upload keeps the chosen file and everything typed, and
 * says beside each field what to fix; a finished one clears the form for the next.
 */
export function MediaUploadForm() {
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const form = useFormAction<MediaDetailsValues>(blankMediaDetails);

  return (
    <form
      className="admin-form media-upload-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        form.run(
          async () => {
            const result = await sendUpload(fileInput.current?.files?.[0] ?? null, form.values);
            // A refused file is the likeliest refusal: the status line says what was wrong with it.
            return result.ok || !result.fieldErrors?.file ? result : { ...result, error: result.fieldErrors.file[0] ?? result.error };
          },
          (uploaded) => {
            form.setValues(blankMediaDetails);
            if (fileInput.current) fileInput.current.value = "";
            router.refresh();
            return { kind: "done", text: `Uploaded ${uploaded.image.originalName}.` };
          },
        );
      }}
    >
      <ImageFileField formId={form.id} errors={form.fieldErrors} inputRef={fileInput} />
      <MediaDetailsFields formId={form.id} values={form.values} errors={form.fieldErrors} onChange={form.setValues} />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={form.busy}>
          Upload
        </button>
        <StatusLine message={form.message} />
      </div>
    </form>
  );
}
