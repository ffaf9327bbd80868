"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import type { FieldErrors } from "@/lib/desk-results";
import { FieldError } from "@/components/ui/field-error";
import { StatusLine, type FormMessage } from "@/components/ui/status-line";
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
  const describedBy = [`${formId}-file-hint`, errors.file ? `${formId}-file-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={`${formId}-file`}>Image</label>
      <input
        ref={inputRef}
        id={`${formId}-file`}
        type="file"
        accept={acceptedImageTypes}
        aria-invalid={errors.file ? true : undefined}
        aria-describedby={describedBy}
        onChange={onChange}
      />
      <p id={`${formId}-file-hint`} className="hint">
        JPEG, PNG, WebP or AVIF, up to 10 MB.
      </p>
      <FieldError formId={formId} name="file" errors={errors} />
    </div>
  );
}

/**
 * Uploads an image to the library. A refused upload keeps the chosen file and everything typed, and
 * says beside each field what to fix; a finished one clears the form for the next.
 */
export function MediaUploadForm() {
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [details, setDetails] = useState<MediaDetailsValues>(blankMediaDetails);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [pending, startTransition] = useDeskTransition();
  const id = useId();

  return (
    <form
      className="admin-form media-upload-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMessage(null);
        startTransition(async () => {
          const result = await sendUpload(fileInput.current?.files?.[0] ?? null, details);
          if (!result.ok) {
            setErrors(result.fieldErrors ?? {});
            setMessage({ kind: "error", text: result.fieldErrors?.file?.[0] ?? result.error });
            return;
          }
          setErrors({});
          setDetails(blankMediaDetails);
          if (fileInput.current) fileInput.current.value = "";
          setMessage({ kind: "done", text: `Uploaded ${result.image.originalName}.` });
          router.refresh();
        });
      }}
    >
      <ImageFileField formId={id} errors={errors} inputRef={fileInput} />
      <MediaDetailsFields formId={id} values={details} errors={errors} onChange={setDetails} />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={pending}>
          Upload
        </button>
        <StatusLine message={message} />
      </div>
    </form>
  );
}
