"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { addSectionAction, deleteSectionAction, moveSectionAction, renameSectionAction } from "@/lib/sections/actions";
import type { ActionFailure } from "@/lib/desk-results";
import type { SectionRow } from "@/lib/sections/queries";
import { Field } from "@/components/ui/field";
import { StatusLine } from "@/components/ui/status-line";
import { useFormAction } from "@/components/ui/use-form-action";

/** A refused name says so in the status line too, beside the list it belongs to. */
async function naming(sent: Promise<{ ok: true } | ActionFailure>) {
  const result = await sent;
  return result.ok || !result.fieldErrors?.name ? result : { ...result, error: "The name needs attention." };
}

/** Each section's form refreshes the list once the server has taken a change. */
function useSectionForm(name: string) {
  const router = useRouter();
  const form = useFormAction({ name });
  const done = (text: string, then?: () => void) => () => {
    then?.();
    router.refresh();
    return { kind: "done" as const, text };
  };
  return { form, done };
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
  const { form, done } = useSectionForm(section.name);
  const { values, busy: pending } = form;
  const [renaming, setRenaming] = useState(false);
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
          onSubmit={form.submitWith(
            () => naming(renameSectionAction({ sectionId: section.id, name: values.name })),
            done(`Renamed to ${values.name.trim()}.`, () => setRenaming(false)),
          )}
        >
          <Field form={form} name="name" label={`New name for ${section.name}`}>
            {(control) => <input {...control} {...form.bind("name")} />}
          </Field>
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
            onClick={() => form.run(() => moveSectionAction({ sectionId: section.id, direction: "up" }), done(`Moved ${section.name} up.`))}
          >
            Move up<span className="visually-hidden"> {section.name}</span>
          </button>
          <button
            type="button"
            className="button"
            disabled={pending || last}
            onClick={() => form.run(() => moveSectionAction({ sectionId: section.id, direction: "down" }), done(`Moved ${section.name} down.`))}
          >
            Move down<span className="visually-hidden"> {section.name}</span>
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              form.update("name", section.name);
              setRenaming(true);
            }}
          >
            Rename<span className="visually-hidden"> {section.name}</span>
          </button>
          <button
            type="button"
            className="button"
            disabled={pending}
            onClick={() => form.run(() => deleteSectionAction({ sectionId: section.id }), done(`Deleted ${section.name}.`))}
          >
            Delete<span className="visually-hidden"> {section.name}</span>
          </button>
        </div>
      )}
      <StatusLine message={form.message} />
    </li>
  );
}

function AddSectionForm() {
  const { form, done } = useSectionForm("");
  const { values } = form;
  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={form.submitWith(
        () => naming(addSectionAction({ name: values.name })),
        done(`Added ${values.name.trim()}.`, () => form.update("name", "")),
      )}
    >
      <Field form={form} name="name" label="New section" hint={<>Its address is made from the name: “Science &amp; Health” becomes /science-and-health.</>}>
        {(control) => <input {...control} {...form.bind("name")} />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={form.busy}>
          Add section
        </button>
        <StatusLine message={form.message} />
      </div>
    </form>
  );
}
