"use client";

import { useId, useRef, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult, FieldErrors } from "@/lib/desk-results";
import { pickedImageOf, type LibraryImage, type LibraryPage, type PickedImage } from "@/lib/media/types";
import { thumbnailSource } from "@/lib/media/urls";
import { blankMediaDetails, MediaDetailsFields, type MediaDetailsValues } from "./media-fields";
import { ImageFileField } from "./media-upload-form";
import { sendUpload } from "./send-upload";

export type MediaPickerProps = {
  value: PickedImage | null;
  onChange: (value: PickedImage | null) => void;
  /** What the image is for, e.g. "Featured image": the group's legend and part of every button's name. */
  label: string;
};

/**
 * Chooses an image from the media library, or uploads one on the spot: the chosen image's thumbnail
 * with Change and Remove, and a modal dialog to search, page and pick. The dialog is the browser's
 * own <dialog>: focus moves into it, Escape closes it, and focus comes back to the button that
 * opened it.
 *
 * It renders no <form> and its inputs have no `name`, so it can sit inside another form (the
 * article editor) without nesting forms or adding fields to that form's submission; Enter in its
 * text boxes searches or does nothing, never submitting the form around it.
 */
export function MediaPicker({ value, onChange, label }: MediaPickerProps) {
  const id = useId();
  const hydrated = useHydrated();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const library = useLibraryPage();

  function open() {
    dialog.current?.showModal();
    searchBox.current?.focus();
    void library.load(searchBox.current?.value ?? "", 1);
  }

  function choose(image: PickedImage | null) {
    onChange(image ? pickedImageOf(image) : null);
    dialog.current?.close();
    opener.current?.focus();
  }

  const thumbnail = value ? thumbnailSource(value) : null;
  return (
    <fieldset className="media-picker">
      <legend>{label}</legend>
      {value && thumbnail ? (
        <div className="media-picked">
          {/* eslint-disable-next-line @next/next/no-img-element -- the library makes its own sizes (lib/media) */}
          <img src={thumbnail.src} width={thumbnail.width} height={thumbnail.height} alt="" />
          <div>
            <p className="media-picked-alt">{value.alt}</p>
            <p className="hint">
              {value.width} × {value.height} px{value.credit ? `, ${value.credit}` : ""}
            </p>
          </div>
        </div>
      ) : (
        <p className="hint">No image chosen.</p>
      )}
      <div className="button-row">
        <button ref={opener} type="button" className="button" disabled={!hydrated} onClick={open}>
          {value ? "Change image" : "Choose an image"}
          <span className="visually-hidden"> for {label}</span>
        </button>
        {value ? (
          <button type="button" className="button" onClick={() => choose(null)}>
            Remove<span className="visually-hidden"> {label}</span>
          </button>
        ) : null}
      </div>

      <dialog
        ref={dialog}
        className="media-dialog"
        aria-labelledby={`${id}-title`}
        onClose={() => opener.current?.focus()}
        onKeyDown={(event) => {
          // Enter in a text box would submit the form around the picker.
          const target = event.target as HTMLElement;
          if (event.key !== "Enter" || target.tagName !== "INPUT") return;
          if ((target as HTMLInputElement).type === "file") return;
          event.preventDefault();
          if (target === searchBox.current) void library.load(searchBox.current.value, 1);
        }}
      >
        <div className="media-dialog-heading">
          <h2 id={`${id}-title`}>Choose an image for {label}</h2>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        <div role="search" className="media-dialog-search">
          <div className="field">
            <label htmlFor={`${id}-q`}>Search the library</label>
            <input ref={searchBox} id={`${id}-q`} type="search" autoComplete="off" defaultValue="" />
          </div>
          <button type="button" className="button" onClick={() => void library.load(searchBox.current?.value ?? "", 1)}>
            Search
          </button>
        </div>
        <LibraryResults library={library} chosenId={value?.id ?? null} onChoose={choose} />
        <details className="media-dialog-upload">
          <summary>Upload a new image</summary>
          <InlineUpload onUploaded={choose} />
        </details>
      </dialog>
    </fieldset>
  );
}

type Library = ReturnType<typeof useLibraryPage>;

/** One page of GET /api/media at a time; a newer request wins over a slower older one. */
function useLibraryPage() {
  const [query, setQuery] = useState({ q: "", page: 1 });
  const [page, setPage] = useState<LibraryPage | null>(null);
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");
  const latest = useRef(0);

  async function load(q: string, pageNumber: number) {
    const request = ++latest.current;
    setQuery({ q: q.trim(), page: pageNumber });
    setState("loading");
    try {
      const params = new URLSearchParams({ q: q.trim(), page: String(pageNumber) });
      const response = await fetch(`/api/media?${params.toString()}`, { headers: { accept: "application/json" } });
      const answer = (await response.json()) as ActionResult<LibraryPage>;
      if (request !== latest.current) return;
      if (!answer.ok) throw new Error(answer.error);
      setPage(answer);
      setState("idle");
    } catch {
      if (request === latest.current) setState("failed");
    }
  }

  return { query, page, state, load };
}

/** "1 image matches “ferry”.", "12 images in the library." */
function countLine(total: number, q: string): string {
  const images = `${total} ${total === 1 ? "image" : "images"}`;
  if (!q) return `${images} in the library.`;
  return `${images} ${total === 1 ? "matches" : "match"} “${q}”.`;
}

function LibraryResults({ library, chosenId, onChoose }: { library: Library; chosenId: string | null; onChoose: (image: LibraryImage) => void }) {
  const { page, state, query } = library;
  const summary =
    state === "loading"
      ? "Loading images…"
      : state === "failed"
        ? "The library could not be loaded. Try again."
        : !page
          ? ""
          : page.total === 0
            ? query.q
              ? `No images match “${query.q}”.`
              : "The library is empty. Upload an image below."
            : `${countLine(page.total, query.q)} Page ${page.page} of ${page.pageCount}.`;
  return (
    <div className="media-dialog-results">
      <p role="status" className="hint">
        {summary}
      </p>
      {page && page.items.length > 0 ? (
        <ul className="media-choices">
          {page.items.map((image) => {
            const thumbnail = thumbnailSource(image);
            return (
              <li key={image.id}>
                <button type="button" className="media-choice" aria-current={image.id === chosenId ? "true" : undefined} onClick={() => onChoose(image)}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- the library makes its own sizes (lib/media) */}
                  <img src={thumbnail.src} width={thumbnail.width} height={thumbnail.height} alt="" loading="lazy" />
                  <span className="media-choice-alt">{image.alt}</span>
                  <span className="hint">
                    {image.width} × {image.height} px
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {page && page.pageCount > 1 ? (
        <div className="button-row media-dialog-pager">
          <button type="button" className="button" disabled={page.page <= 1} onClick={() => void library.load(query.q, page.page - 1)}>
            Previous page
          </button>
          <button type="button" className="button" disabled={page.page >= page.pageCount} onClick={() => void library.load(query.q, page.page + 1)}>
            Next page
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Uploads an image and chooses it. A refusal keeps everything typed, with the reason beside each field. */
function InlineUpload({ onUploaded }: { onUploaded: (image: LibraryImage) => void }) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [details, setDetails] = useState<MediaDetailsValues>(blankMediaDetails);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload() {
    setBusy(true);
    setMessage(null);
    const result = await sendUpload(fileInput.current?.files?.[0] ?? null, details);
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setMessage(result.fieldErrors?.file?.[0] ?? result.error);
      return;
    }
    setErrors({});
    setDetails(blankMediaDetails);
    if (fileInput.current) fileInput.current.value = "";
    onUploaded(result.image);
  }

  return (
    <div className="media-inline-upload">
      <ImageFileField formId={id} errors={errors} inputRef={fileInput} />
      <MediaDetailsFields formId={id} values={details} errors={errors} onChange={setDetails} />
      <div className="button-row">
        <button type="button" className="button primary" disabled={busy} onClick={() => void upload()}>
          Upload and choose
        </button>
        <p role="status" className={message ? "form-error" : undefined}>
          {busy ? "Uploading…" : message}
        </p>
      </div>
    </div>
  );
}
