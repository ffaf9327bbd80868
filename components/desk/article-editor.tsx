"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { createArticleAction, saveArticleAction } from "@/app/desk/articles/actions";
import { articleKinds, kindLabels, type ArticleKind } from "@/lib/articles/kinds";
import type { SaveFailure } from "@/lib/articles/desk-actions";
import type { LatestVersion } from "@/lib/articles/desk-queries";
import type { FieldErrors } from "@/lib/articles/schemas";
import type { WorkflowAction } from "@/lib/articles/workflow";
import { ConflictPanel } from "./conflict-panel";
import { PresenceNotice } from "./presence-notice";
import { WorkflowPanel } from "./workflow-panel";

export type EditorValues = {
  headline: string;
  dateline: string;
  standfirst: string;
  sectionId: string;
  kind: ArticleKind;
  body: string;
};

type SaveState = { kind: "idle" | "saving" | "saved" | "dirty" } | { kind: "error"; message: string };

/**
 * The article form. Whatever the server answers, the text stays in the form: a refused, conflicting
 * or signed-out save shows why and keeps every word.
 */
export function ArticleEditor({
  articleId,
  version: initialVersion,
  initialValues,
  sections,
  actions = [],
  justCreated = false,
  timeZone,
  scheduledForInput,
  assignmentId,
}: {
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
  const [values, setValues] = useState(initialValues);
  const [version, setVersion] = useState(initialVersion ?? 0);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<SaveState>({ kind: justCreated ? "saved" : "idle" });
  const [pending, startTransition] = useTransition();
  const [conflict, setConflict] = useState<{ latest: LatestVersion; mine: EditorValues | null } | null>(null);
  const id = useId();

  function update<K extends keyof EditorValues>(key: K, value: EditorValues[K]) {
    setValues((current) => ({ ...current, [key]: value }));
    setState({ kind: "dirty" });
  }

  async function save(baseVersion = version): Promise<boolean> {
    setState({ kind: "saving" });
    const result = articleId
      ? await saveArticleAction({ ...values, articleId, baseVersion })
      : await createArticleAction({ ...values, assignmentId });
    if (!result.ok) {
      setFieldErrors(result.fieldErrors ?? {});
      setState({ kind: "error", message: result.error });
      const { latest } = result as SaveFailure;
      if (latest) setConflict({ latest, mine: null });
      return false;
    }
    setFieldErrors({});
    setConflict(null);
    setVersion(result.version);
    setState({ kind: "saved" });
    if (!articleId) router.replace(`/desk/articles/${result.id}?created=1`);
    else router.refresh();
    return true;
  }

  const field = (name: keyof EditorValues) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": fieldErrors[name] ? true : undefined,
    "aria-describedby": fieldErrors[name] ? `${id}-${name}-error` : undefined,
  });
  const error = (name: keyof EditorValues) =>
    fieldErrors[name] ? (
      <p id={`${id}-${name}-error`} className="field-error">
        {fieldErrors[name]?.[0]}
      </p>
    ) : null;

  function resolveConflict(run: () => Promise<void>) {
    startTransition(run);
  }

  const conflictPanel = conflict ? (
    <ConflictPanel
      latest={conflict.latest}
      mine={conflict.mine}
      busy={pending}
      onOverwrite={() => {
        if (!window.confirm(`Replace ${conflict.latest.savedBy}'s revision ${conflict.latest.version} with your version?`)) return;
        resolveConflict(async () => {
          await save(conflict.latest.version);
        });
      }}
      onSaveCopy={() =>
        resolveConflict(async () => {
          const copy = await createArticleAction({ ...values, headline: `${values.headline} (copy)` });
          if (copy.ok) router.push(`/desk/articles/${copy.id}?created=1`);
          else setState({ kind: "error", message: copy.error });
        })
      }
      onLoadTheirs={() => {
        const { latest } = conflict;
        setConflict({ latest, mine: values });
        setValues((current) => ({ ...current, headline: latest.headline, dateline: latest.dateline, standfirst: latest.standfirst, body: latest.body }));
        setVersion(latest.version);
        setState({ kind: "dirty" });
      }}
    />
  ) : null;

  return (
    <div className="editor-layout">
      <div>
      {articleId ? <PresenceNotice articleId={articleId} /> : null}
      {conflictPanel}
      <form
        className="article-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            await save();
          });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-headline`}>Headline</label>
          <input {...field("headline")} value={values.headline} onChange={(e) => update("headline", e.target.value)} />
          {error("headline")}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-dateline`}>Dateline</label>
            <input {...field("dateline")} value={values.dateline} onChange={(e) => update("dateline", e.target.value)} />
            {error("dateline")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-sectionId`}>Section</label>
            <select {...field("sectionId")} value={values.sectionId} onChange={(e) => update("sectionId", e.target.value)}>
              {sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.name}
                </option>
              ))}
            </select>
            {error("sectionId")}
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>Kind</label>
            <select {...field("kind")} value={values.kind} onChange={(e) => update("kind", e.target.value as ArticleKind)}>
              {articleKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {kindLabels[kind]}
                </option>
              ))}
            </select>
            {error("kind")}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-standfirst`}>Standfirst</label>
          <textarea
            {...field("standfirst")}
            rows={2}
            value={values.standfirst}
            onChange={(e) => update("standfirst", e.target.value)}
          />
          {error("standfirst")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-body`}>Body</label>
          <textarea {...field("body")} rows={18} value={values.body} onChange={(e) => update("body", e.target.value)} />
          <p className="hint">Separate paragraphs with a blank line.</p>
          {error("body")}
        </div>
        <div className="button-row">
          <button type="submit" className="button primary" disabled={pending}>
            Save
          </button>
          <p className="save-state" role="status" aria-live="polite">
            {state.kind === "saving" ? "Saving…" : null}
            {state.kind === "saved" ? "Saved" : null}
            {state.kind === "dirty" ? "Unsaved changes" : null}
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
          beforeAction={async () => (state.kind === "dirty" || state.kind === "error" ? save() : true)}
        />
      ) : null}
    </div>
  );
}
