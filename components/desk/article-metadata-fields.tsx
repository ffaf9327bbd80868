"use client";

import { useId, useState } from "react";
import type { FieldAccess } from "@/lib/articles/editable-fields";
import { isArticleKind, kindRules } from "@/lib/articles/kinds";
import type { FieldErrors } from "@/lib/articles/schemas";
import type { PickedImage } from "@/lib/media/types";
import { describedBy, Field } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { MediaPicker } from "./media-picker";

/** The featured image as the form holds it: the article's own alt, caption and credit, plus the library item to show. */
export type FeaturedImageValue = { id: string; alt: string; caption: string; credit: string; image: PickedImage };

type FieldProps = { formId: string; errors: FieldErrors };

/** The byline, in print order. Editorials are unsigned, so the form says so instead. */
export function BylineField({
  kind,
  value,
  staff,
  onChange,
  formId,
  errors,
  access,
  selfId,
}: FieldProps & {
  kind: string;
  value: string[];
  staff: { id: string; name: string }[];
  onChange: (ids: string[]) => void;
  /** "own-name": a reporter may add or remove only their own name (lib/articles/editable-fields.ts). */
  access: FieldAccess;
  selfId: string;
}) {
  const [adding, setAdding] = useState("");
  const nameOf = (id: string) => staff.find((person) => person.id === id)?.name ?? "A former colleague";
  const bylineRule = isArticleKind(kind) ? kindRules[kind].byline : "required";
  if (bylineRule === "none") {
    return (
      <fieldset className="field">
        <legend>Byline</legend>
        <p className="hint">Editorials are the newspaper&apos;s voice and carry no byline.</p>
      </fieldset>
    );
  }
  const mayChange = (id: string) => access === "edit" || (access === "own-name" && id === selfId);
  const choices = staff.filter((person) => !value.includes(person.id) && mayChange(person.id));
  return (
    <fieldset className="field" {...describedBy(formId, "bylineIds", errors)}>
      <legend>Byline</legend>
      {value.length ? (
        <ol className="chosen-list" aria-label="Authors">
          {value.map((id, index) => (
            <li key={id}>
              <span>{nameOf(id)}</span>
              {index > 0 && access === "edit" ? (
                <button
                  type="button"
                  className="button-link"
                  aria-label={`Move ${nameOf(id)} earlier`}
                  onClick={() => onChange([...value.slice(0, index - 1), id, value[index - 1]!, ...value.slice(index + 1)])}
                >
                  Move up
                </button>
              ) : null}
              {mayChange(id) ? (
                <button type="button" className="button-link" aria-label={`Remove ${nameOf(id)}`} onClick={() => onChange(value.filter((other) => other !== id))}>
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">{bylineRule === "optional" ? "A letter may go unsigned here: its writer signs it in the text." : "No author yet."}</p>
      )}
      {access === "own-name" ? <p className="hint">Who else signs the story is the editor&apos;s call: you may add or remove your own name.</p> : null}
      {choices.length ? (
        <div className="inline-add">
          <label htmlFor={`${formId}-add-author`}>Add an author</label>
          <select id={`${formId}-add-author`} value={adding} onChange={(event) => setAdding(event.target.value)}>
            <option value="">Choose…</option>
            {choices.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={!adding}
            onClick={() => {
              onChange([...value, adding]);
              setAdding("");
            }}
          >
            Add author
          </button>
        </div>
      ) : null}
      <FieldError formId={formId} name="bylineIds" errors={errors} />
    </fieldset>
  );
}

/** Tags: pick one the newsroom already uses or type a new one. */
export function TagsField({
  value,
  suggestions,
  onChange,
  formId,
  errors,
}: FieldProps & { value: string[]; suggestions: string[]; onChange: (tags: string[]) => void }) {
  const [draft, setDraft] = useState("");
  const listId = useId();
  function add() {
    const tag = draft.trim().replace(/,$/, "").trim();
    setDraft("");
    if (!tag || value.some((existing) => existing.toLowerCase() === tag.toLowerCase())) return;
    onChange([...value, tag]);
  }
  return (
    <Field form={{ id: formId, fieldErrors: errors }} name="tags" named={false} label="Tags">
      {(control) => (
        <>
          {value.length ? (
            <ul className="chip-list" aria-label="Chosen tags">
              {value.map((tag) => (
                <li key={tag} className="chip">
                  {tag}
                  <button type="button" className="chip-remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(value.filter((other) => other !== tag))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="inline-add">
            <input
              {...control}
              list={listId}
              value={draft}
              placeholder="Type a tag, then Enter"
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter" || event.key === ",") {
                  event.preventDefault();
                  add();
                }
              }}
            />
            <datalist id={listId}>
              {suggestions
                .filter((tag) => !value.includes(tag))
                .map((tag) => (
                  <option key={tag} value={tag} />
                ))}
            </datalist>
            <button type="button" className="button" disabled={!draft.trim()} onClick={add}>
              Add tag
            </button>
          </div>
        </>
      )}
    </Field>
  );
}

/** The picture at the top of the story, with the words that go with it on this article. */
export function FeaturedImageField({
  value,
  onChange,
  formId,
  errors,
}: FieldProps & { value: FeaturedImageValue | null; onChange: (value: FeaturedImageValue | null) => void }) {
  return (
    <div className="field featured-image-field">
      <MediaPicker
        label="Featured image"
        value={value?.image ?? null}
        onChange={(image) =>
          onChange(image ? { id: image.id, alt: image.alt, caption: image.caption, credit: image.credit, image } : null)
        }
      />
      {value ? (
        <>
          <div className="field">
            <label htmlFor={`${formId}-featured-alt`}>Image alt text</label>
            <input
              id={`${formId}-featured-alt`}
              value={value.alt}
              {...describedBy(formId, "featuredImage", errors)}
              onChange={(event) => onChange({ ...value, alt: event.target.value })}
            />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${formId}-featured-caption`}>Image caption</label>
              <input id={`${formId}-featured-caption`} value={value.caption} onChange={(event) => onChange({ ...value, caption: event.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${formId}-featured-credit`}>Image credit</label>
              <input id={`${formId}-featured-credit`} value={value.credit} onChange={(event) => onChange({ ...value, credit: event.target.value })} />
            </div>
          </div>
        </>
      ) : null}
      <FieldError formId={formId} name="featuredImage" errors={errors} />
    </div>
  );
}
