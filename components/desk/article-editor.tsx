"use client";

import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useId, useRef, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { createArticleAction, saveArticleAction } from "@/app/desk/articles/actions";
import { articleKinds, kindLabels, type ArticleKind } from "@/lib/articles/kinds";
import { headlineHint, readingMinutes, wordCount } from "@/lib/articles/length";
import type { SaveFailure } from "@/lib/articles/desk-actions";
import type { LatestVersion } from "@/lib/articles/desk-queries";
import type { FieldErrors } from "@/lib/articles/schemas";
import type { WorkflowAction } from "@/lib/articles/workflow";
import { ConflictPanel } from "./conflict-panel";
import { clearDraftBackup, draftBackupKey, readDraftBackup, sameText, writeDraftBackup, type DraftBackup } from "./draft-backup";
import { PresenceNotice } from "./presence-notice";
import { WorkflowPanel } from "./workflow-panel";
import { FieldError } from "@/components/ui/field-error";

export type EditorValues = {
  headline: string;
  dateline: string;
  standfirst: string;
  sectionId: string;
  kind: ArticleKind;
  body: string;
};

type SaveState =
  | { kind: "idle" | "saving" | "saved" | "dirty" | "offline" | "signed-out" }
  | { kind: "error"; message: string };

/** Autosave this long after typing stops; retry a save that could not reach the server this often. */
const autosaveDelayMs = 2_000;
const retryMs = 5_000;

/**
 * The article form. Whatever the server answers, the text stays in the form: a refused, conflicting
 * or signed-out save shows why and keeps every word. An existing article saves itself a moment
 * after typing stops; until the server has the text, a copy is kept in this browser, so a dropped
 * network, an ended session or a closed tab loses nothing.
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
  const [pending, startTransition] = useDeskTransition();
  const [conflict, setConflict] = useState<{ latest: LatestVersion; mine: EditorValues | null } | null>(null);
  const [olderBackup, setOlderBackup] = useState<DraftBackup<EditorValues> | null>(null);
  const lastSaved = useRef(initialValues);
  // What is in the form right now, for a save that finishes after more typing.
  const current = useRef(initialValues);
  const backupKey = draftBackupKey(articleId);
  const id = useId();

  function update<K extends keyof EditorValues>(key: K, value: EditorValues[K]) {
    const next = { ...current.current, [key]: value };
    writeDraftBackup(backupKey, { values: next, baseVersion: version, at: Date.now() });
    replaceValues(next);
  }

  function replaceValues(next: EditorValues) {
    current.current = next;
    setValues(next);
    setState({ kind: "dirty" });
  }

  async function save(baseVersion = version): Promise<boolean> {
    setState({ kind: "saving" });
    let result;
    try {
      result = articleId
        ? await saveArticleAction({ ...values, articleId, baseVersion })
        : await createArticleAction({ ...values, assignmentId });
    } catch {
      // The request never reached the server (offline, or the server is restarting).
      setState({ kind: "offline" });
      return false;
    }
    if (!result.ok && result.code === "unauthenticated") {
      setState({ kind: "signed-out" });
      return false;
    }
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
    lastSaved.current = values;
    const typedSince = !sameText(current.current, values);
    if (typedSince) writeDraftBackup(backupKey, { values: current.current, baseVersion: result.version, at: Date.now() });
    else clearDraftBackup(backupKey);
    setState({ kind: typedSince ? "dirty" : "saved" });
    if (!articleId) router.replace(`/desk/articles/${result.id}?created=1`);
    else router.refresh();
    return true;
  }

  // Text kept in this browser from an earlier visit: bring it back if it was based on the revision
  // the server has now; if someone saved since, offer it rather than overwrite their work.
  const recoverBackup = useEffectEvent(() => {
    const backup = readDraftBackup<EditorValues>(backupKey);
    if (!backup || sameText(backup.values, initialValues)) return clearDraftBackup(backupKey);
    if (backup.baseVersion === (initialVersion ?? 0)) {
      replaceValues(backup.values);
    } else {
      setOlderBackup(backup);
    }
  });
  // This browser's storage can only be read after hydration: the server cannot know it.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => recoverBackup(), []);

  const autosave = useEffectEvent(() => {
    // While a conflict is open, wait for the writer's choice; once they merge onto the newer text, saving is safe.
    if (!articleId || (conflict && !conflict.mine) || pending) return;
    if (sameText(values, lastSaved.current)) {
      clearDraftBackup(backupKey);
      setState({ kind: "saved" });
      return;
    }
    void save();
  });
  useEffect(() => {
    if (state.kind !== "dirty") return;
    const timer = setTimeout(autosave, autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [values, state.kind]);
  useEffect(() => {
    if (state.kind !== "offline" && state.kind !== "signed-out") return;
    const timer = setInterval(autosave, retryMs);
    window.addEventListener("online", autosave);
    return () => {
      clearInterval(timer);
      window.removeEventListener("online", autosave);
    };
  }, [state.kind]);
  const warnBeforeLeaving = useEffectEvent((event: BeforeUnloadEvent) => {
    if (!sameText(values, lastSaved.current)) event.preventDefault();
  });
  useEffect(() => {
    window.addEventListener("beforeunload", warnBeforeLeaving);
    return () => window.removeEventListener("beforeunload", warnBeforeLeaving);
  }, []);

  const field = (name: keyof EditorValues) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": fieldErrors[name] ? true : undefined,
    "aria-describedby": fieldErrors[name] ? `${id}-${name}-error` : undefined,
  });
  const error = (name: keyof EditorValues) => <FieldError formId={id} name={name} errors={fieldErrors} />;

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
        const theirs = { ...values, headline: latest.headline, dateline: latest.dateline, standfirst: latest.standfirst, body: latest.body };
        replaceValues(theirs);
        lastSaved.current = theirs;
        setVersion(latest.version);
      }}
    />
  ) : null;

  return (
    <div className="editor-layout">
      <div>
      {articleId ? <PresenceNotice articleId={articleId} /> : null}
      {olderBackup ? (
        <section className="conflict" aria-labelledby="backup-heading">
          <h2 id="backup-heading">Unsaved text from this device</h2>
          <p>
            This browser kept text you had not saved, written on revision {olderBackup.baseVersion}; the article has been
            saved since. Restore it to compare and merge, or discard it.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                replaceValues(olderBackup.values);
                setOlderBackup(null);
              }}
            >
              Restore my unsaved text
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                clearDraftBackup(backupKey);
                setOlderBackup(null);
              }}
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
            await save();
          });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-headline`}>Headline</label>
          <input {...field("headline")} value={values.headline} onChange={(e) => update("headline", e.target.value)} />
          {headlineHint(values.headline) ? <p className="hint">{headlineHint(values.headline)}</p> : null}
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
          <p className="hint">
            Separate paragraphs with a blank line. <span className="word-count">{lengthLine(values.body)}</span>
          </p>
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
          beforeAction={async () => (sameText(values, lastSaved.current) ? true : save())}
        />
      ) : null}
    </div>
  );
}

/** "312 words · 1 min read" */
function lengthLine(body: string): string {
  const words = wordCount(body);
  return `${words.toLocaleString("en-GB")} ${words === 1 ? "word" : "words"} · ${readingMinutes(words)} min read`;
}
