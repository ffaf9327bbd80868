"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { createArticleAction, saveArticleAction } from "@/lib/articles/actions";
import { articleKinds, kindLabels, kindRules, takesDateline, takesWritersNote, type ArticleKind } from "@/lib/articles/kinds";
import { headlineHint, readingMinutes, wordCount } from "@/lib/articles/length";
import type { LatestVersion } from "@/lib/articles/desk-queries";
import type { WorkflowAction } from "@/lib/articles/workflow";
import { ConflictPanel } from "./conflict-panel";
import { PresenceNotice } from "./presence-notice";
import { useAutosave } from "./use-autosave";
import { WorkflowPanel } from "./workflow-panel";
import { Field } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { bodyPlainText } from "@/lib/render/document";
import { BodyEditor } from "./body-editor";
import { BylineField, FeaturedImageField, TagsField, type FeaturedImageValue } from "./article-metadata-fields";
import { SectionOptions } from "./section-options";
import type { ArticleField, FieldAccess } from "@/lib/articles/editable-fields";

/** Why a reporter cannot move a story readers have had. */
const editorsAddress = "This story has been published: its address and section are the editor's to change.";

export type EditorValues = {
  headline: string;
  dateline: string;
  standfirst: string;
  sectionId: string;
  kind: ArticleKind;
  body: string;
  /** The address; empty follows the headline. */
  slug: string;
  seoTitle: string;
  seoDescription: string;
  writerBio: string;
  tags: string[];
  bylineIds: string[];
  featuredImage: FeaturedImageValue | null;
};

/**
 * The article form. Whatever the server answers, the text stays in the form: a refused, conflicting
 * or signed-out save shows why and keeps every word. An article saves itself a moment after typing
 * stops, a new one as soon as it has a headline or some of the story (it then carries on as that
 * article, at its address); until the server has the text, a copy is kept in this browser, so a
 * dropped network, an ended session or a closed tab loses nothing. A save that had to leave a
 * field out (too long, an unsafe link…) says so beside the field and keeps what was typed there.
 */
export function ArticleEditor({
  userId,
  articleId,
  version: initialVersion,
  initialValues,
  sections,
  actions = [],
  justCreated = false,
  timeZone,
  scheduledForInput,
  assignmentId,
  staff,
  tagSuggestions,
  publishedPath,
  fieldAccess,
}: {
  /** What this person may change (lib/articles/editable-fields.ts); the server decides again on every save. */
  fieldAccess: Pick<Record<ArticleField, FieldAccess>, "slug" | "sectionId" | "bylineIds">;
  /** The signed-in writer: the copy kept in this browser is theirs alone. */
  userId: string;
  /** Who may be named in a byline; the tags the newsroom already uses. */
  staff: { id: string; name: string }[];
  tagSuggestions: string[];
  /** The live address of a published article: changing the slug leaves it redirecting. */
  publishedPath?: string;
  articleId?: string;
  version?: number;
  initialValues: EditorValues;
  sections: { id: string; name: string }[];
  actions?: WorkflowAction[];
  justCreated?: boolean;
  timeZone?: string;
  scheduledForInput?: string;
  /** A new article written for this assignment: the server links the two when it is created. */
  assignmentId?: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useDeskTransition();
  const { values, status: state, fieldErrors, conflict, olderCopy, autosaver } = useAutosave<EditorValues, LatestVersion>({
    userId,
    articleId,
    version: initialVersion ?? 0,
    values: initialValues,
    justCreated,
    busy: pending,
    send: (text, { articleId: existingId, baseVersion }) =>
      existingId ? saveArticleAction({ ...text, articleId: existingId, baseVersion }) : createArticleAction({ ...text, assignmentId }),
    // Saved by the writer, a new article moves to its own page (with its workflow). Saved by
    // itself, it keeps its form (the caret, an open image picker) and only takes its address, so
    // a reload finds it; what is typed meanwhile goes on saving to it.
    onSaved: ({ id: savedId, manual }) => {
      if (!articleId && manual) router.replace(`/desk/articles/${savedId}?created=1`);
      else if (!articleId) window.history.replaceState(null, "", `/desk/articles/${savedId}`);
      else router.refresh();
    },
    hasWords,
    savesTheSame,
    valuesOf: (latest, text) => ({
      ...text,
      headline: latest.headline,
      dateline: latest.dateline,
      standfirst: latest.standfirst,
      body: latest.body,
      ...latest.extras,
    }),
  });
  const id = useId();
  const update = autosaver.edit;
  const save = autosaver.save;

  const form = { id, fieldErrors };

  const conflictPanel = conflict ? (
    <ConflictPanel
      latest={conflict.latest}
      mine={conflict.mine}
      yours={values}
      timeZone={timeZone ?? "UTC"}
      busy={pending}
      onOverwrite={() => {
        if (!window.confirm(`Replace ${conflict.latest.savedBy}'s revision ${conflict.latest.version} with your version?`)) return;
        startTransition(async () => {
          await autosaver.overwrite();
        });
      }}
      onSaveCopy={() =>
        startTransition(async () => {
          const copy = await createArticleAction({ ...values, headline: `${values.headline} (copy)`, slug: "" });
          if (copy.ok) router.push(`/desk/articles/${copy.id}?created=1`);
          else autosaver.fail(copy.error);
        })
      }
      onLoadTheirs={() => autosaver.loadTheirs()}
    />
  ) : null;

  return (
    <div className="editor-layout">
      <div>
      {articleId ? <PresenceNotice articleId={articleId} /> : null}
      {olderCopy ? (
        <section className="conflict" aria-labelledby="backup-heading">
          <h2 id="backup-heading">Unsaved text from this device</h2>
          <p>
            This browser kept text you had not saved, written on revision {olderCopy.baseVersion}; the article has been
            saved since. Restore it to compare and merge, or discard it.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => autosaver.restoreOlderCopy()}
            >
              Restore my unsaved text
            </button>
            <button
              type="button"
              className="button"
              onClick={() => autosaver.discardOlderCopy()}
            >
              Discard it
            </button>
          </div>
        </section>
      ) : null}
      {conflictPanel}
      <form
        className="article-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            await save({ manual: true });
          });
        }}
      >
        <Field form={form} name="headline" label="Headline" hint={headlineHint(values.headline)}>
          {(control) => <input {...control} value={values.headline} onChange={(e) => update("headline", e.target.value)} />}
        </Field>
        <div className="field-row">
          {/* Editorials and letters carry no dateline: the form does not ask (lib/articles/kinds.ts). */}
          {takesDateline(values.kind) ? (
            <Field
              form={form}
              name="dateline"
              label={`Dateline${kindRules[values.kind].dateline === "optional" ? " (optional)" : ""}`}
              hint={kindRules[values.kind].dateline === "required" ? "Needed before review." : undefined}
            >
              {(control) => <input {...control} value={values.dateline} onChange={(e) => update("dateline", e.target.value)} />}
            </Field>
          ) : null}
          <Field form={form} name="sectionId" label="Section" hint={fieldAccess.sectionId === "locked" ? editorsAddress : undefined}>
            {(control) => (
              <select {...control} disabled={fieldAccess.sectionId === "locked"} value={values.sectionId} onChange={(e) => update("sectionId", e.target.value)}>
                <SectionOptions sections={sections} />
              </select>
            )}
          </Field>
          <Field form={form} name="kind" label="Kind">
            {(control) => (
              <select {...control} value={values.kind} onChange={(e) => update("kind", e.target.value as ArticleKind)}>
                {articleKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {kindLabels[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field form={form} name="standfirst" label="Standfirst">
          {(control) => <textarea {...control} rows={2} value={values.standfirst} onChange={(e) => update("standfirst", e.target.value)} />}
        </Field>
        <div className="field">
          <span className="field-label" id={`${id}-body-label`}>
            Body
          </span>
          <BodyEditor
            value={values.body}
            onChange={(json) => update("body", json)}
            labelId={`${id}-body-label`}
            invalid={Boolean(fieldErrors.body)}
            describedBy={fieldErrors.body ? `${id}-body-error` : undefined}
          />
          <p className="hint">
            <span className="word-count">{lengthLine(bodyPlainText(values.body))}</span>
          </p>
          <FieldError formId={id} name="body" errors={fieldErrors} />
        </div>
        <BylineField kind={values.kind} value={values.bylineIds} staff={staff} access={fieldAccess.bylineIds} selfId={userId} onChange={(ids) => update("bylineIds", ids)} formId={id} errors={fieldErrors} />
        {takesWritersNote(values.kind) || values.writerBio ? (
          <Field form={form} name="writerBio" label="Writer's note" hint="Printed at the foot, e.g. “The writer is a marine biologist in Harbourton.”">
            {(control) => <input {...control} value={values.writerBio} onChange={(e) => update("writerBio", e.target.value)} />}
          </Field>
        ) : null}
        <TagsField value={values.tags} suggestions={tagSuggestions} onChange={(tags) => update("tags", tags)} formId={id} errors={fieldErrors} />
        <FeaturedImageField value={values.featuredImage} onChange={(image) => update("featuredImage", image)} formId={id} errors={fieldErrors} />
        <details className="field search-fields" open={Boolean(fieldErrors.slug || fieldErrors.seoTitle || fieldErrors.seoDescription) || undefined}>
          <summary>Address, search and social</summary>
          <Field
            form={form}
            name="slug"
            label="Address (slug)"
            hint={
              fieldAccess.slug === "locked"
                ? editorsAddress
                : publishedPath
                ? `Live at ${publishedPath}. A new address takes effect when you save; the old one keeps working and redirects readers.`
                : "Made from the headline until the article is first published. Lower-case words joined by hyphens."
            }
          >
            {(control) => <input {...control} readOnly={fieldAccess.slug === "locked"} value={values.slug} onChange={(e) => update("slug", e.target.value)} />}
          </Field>
          <Field
            form={form}
            name="seoTitle"
            label="Search title"
            hint={`Optional: replaces the headline in search results and social cards. ${values.seoTitle.length}/110`}
          >
            {(control) => <input {...control} value={values.seoTitle} onChange={(e) => update("seoTitle", e.target.value)} />}
          </Field>
          <Field
            form={form}
            name="seoDescription"
            label="Search description"
            hint={`Optional: replaces the standfirst in search results and social cards. ${values.seoDescription.length}/300`}
          >
            {(control) => <textarea {...control} rows={2} value={values.seoDescription} onChange={(e) => update("seoDescription", e.target.value)} />}
          </Field>
        </details>
        <div className="button-row">
          <button type="submit" className="button primary" disabled={pending}>
            Save
          </button>
          <p className="save-state" role="status" aria-live="polite">
            {state.kind === "saving" ? "Saving…" : null}
            {state.kind === "saved" ? "Saved" : null}
            {state.kind === "partial" ? <span className="form-error">Saved, except the fields marked above: what you typed there is kept here.</span> : null}
            {state.kind === "dirty" ? "Unsaved changes" : null}
            {state.kind === "offline" ? "Offline — changes kept on this device" : null}
            {state.kind === "signed-out" ? (
              <span className="form-error">
                Your session has ended. Sign in again (
                <a href="/login" target="_blank" rel="noopener">
                  opens a new tab
                </a>
                ); your text is kept here and will be saved.
              </span>
            ) : null}
            {state.kind === "error" ? <span className="form-error">{state.message}</span> : null}
          </p>
        </div>
      </form>
      </div>
      {articleId ? (
        <WorkflowPanel
          articleId={articleId}
          actions={actions}
          timeZone={timeZone}
          scheduledForInput={scheduledForInput}
          beforeAction={async () => (autosaver.unsaved() ? save() : true)}
          onRefused={(missing) => autosaver.showFieldErrors(missing)}
        />
      ) : null}
    </div>
  );
}

/** Whether the newer saved version says exactly what this form would save. */
function savesTheSame(latest: LatestVersion, values: EditorValues): boolean {
  const image = (value: { id: string; alt: string; caption: string; credit: string } | null) =>
    value ? [value.id, value.alt, value.caption, value.credit].join("\u0000") : "";
  const { extras } = latest;
  return (
    latest.headline === values.headline &&
    latest.dateline === values.dateline &&
    latest.standfirst === values.standfirst &&
    latest.body === values.body &&
    extras.seoTitle === values.seoTitle &&
    extras.seoDescription === values.seoDescription &&
    extras.writerBio === values.writerBio &&
    extras.tags.join("\u0000") === values.tags.join("\u0000") &&
    extras.bylineIds.join("\u0000") === values.bylineIds.join("\u0000") &&
    image(extras.featuredImage) === image(values.featuredImage)
  );
}

/** Whether a new article has anything to save yet: a headline or some of the story. */
function hasWords(values: EditorValues): boolean {
  return values.headline.trim() !== "" || bodyPlainText(values.body).trim() !== "";
}

/** "312 words · 1 min read" */
function lengthLine(body: string): string {
  const words = wordCount(body);
  return `${words.toLocaleString("en-GB")} ${words === 1 ? "word" : "words"} · ${readingMinutes(words)} min read`;
}
