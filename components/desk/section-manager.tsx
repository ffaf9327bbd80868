"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { addSectionAction, deleteSectionAction, moveSectionAction, renameSectionAction } from "@/lib/sections/actions";
import type { ActionFailure } from "@/lib/desk-results";
import type { SectionRow } from "@/lib/sections/queries";
import { StatusLine, type FormMessage as Message } from "@/components/ui/status-line";

type Outcome = { ok: true } | ActionFailure;

/** Runs one section action; on success refreshes the page, on refusal keeps what was typed. */
function useSectionAction() {
  const router = useRouter();
  const [pending, startTransition] = useDeskTransition();
  const [message, setMessage] = useState<Message>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  function run(action: () => Promise<Outcome>, done: string, onDone?: () => void) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setFieldError(result.fieldErrors?.name?.[0] ?? null);
        setMessage({ kind: "error", text: result.fieldErrors?.name ? "The name needs attention." : result.error });
        return;
      }
      setFieldError(null);
      setMessage({ kind: "done", text: done });
      onDone?.();
      router.refresh();
    });
  }
  return { pending, message, fieldError, run };
}

/** The sections on the masthead, in order: add, rename, move and delete. The server re-checks each. */
export function SectionManager({ sections }: { sections: SectionRow[] }) {
  return (
    <>
      <ol className="section-list">
        {sections.map((section, index) => (
          <SectionItem key={section.id} section={section} first={index === 0} last={index === sections.length - 1} />
        ))}
      </ol>
      <AddSectionForm />
    </>
  );
}

function SectionItem({ section, first, last }: { section: SectionRow; first: boolean; last: boolean }) {
  const { pending, message, fieldError, run } = useSectionAction();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(section.name);
  const id = useId();
  const uses = section.articleCount === 1 ? "1 article" : `${section.articleCount} articles`;

  return (
    <li className="section-item">
      <div className="section-facts">
        <strong>{section.name}</strong> <code>/{section.slug}</code> <span className="hint">{uses}</span>
      </div>
      {renaming ? (
        <form
          className="inline-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            run(() => renameSectionAction({ sectionId: section.id, name }), `Renamed to ${name.trim()}.`, () =>
              setRenaming(false),
            );
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-name`}>New name for {section.name}</label>
            <input
              id={`${id}-name`}
              value={name}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? `${id}-name-error` : undefined}
              onChange={(event) => setName(event.target.value)}
            />
            {fieldError ? (
              <p id={`${id}-name-error`} className="field-error">
                {fieldError}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button primary" disabled={pending}>
            Save name
          </button>
          <button type="button" className="button-link" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={pending || first}
            onClick={() => run(() => moveSectionAction({ sectionId: section.id, direction: "up" }), `Moved ${section.name} up.`)}
          >
            Move up<span className="visually-hidden"> {section.name}</span>
          </button>
          <button
            type="button"
            className="button"
            disabled={pending || last}
            onClick={() => run(() => moveSectionAction({ sectionId: section.id, direction: "down" }), `Moved ${section.name} down.`)}
          >
            Move down<span className="visually-hidden"> {section.name}</span>
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setName(section.name);
              setRenaming(true);
            }}
          >
            Rename<span className="visually-hidden"> {section.name}</span>
          </button>
          <button
            type="button"
            className="button"
            disabled={pending}
            onClick={() => run(() => deleteSectionAction({ sectionId: section.id }), `Deleted ${section.name}.`)}
          >
            Delete<span className="visually-hidden"> {section.name}</span>
          </button>
        </div>
      )}
      <StatusLine message={message} />
    </li>
  );
}

function AddSectionForm() {
  const { pending, message, fieldError, run } = useSectionAction();
  const [name, setName] = useState("");
  const id = useId();
  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run(() => addSectionAction({ name }), `Added ${name.trim()}.`, () => setName(""));
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>New section</label>
        <input
          id={`${id}-name`}
          value={name}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-name-hint ${id}-name-error` : `${id}-name-hint`}
          onChange={(event) => setName(event.target.value)}
        />
        <p id={`${id}-name-hint`} className="hint">
          Its address is made from the name: “Science &amp; Health” becomes /science-and-health.
        </p>
        {fieldError ? (
          <p id={`${id}-name-error`} className="field-error">
            {fieldError}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={pending}>
          Add section
        </button>
        <StatusLine message={message} />
      </div>
    </form>
  );
}
