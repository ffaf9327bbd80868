"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { workflowAction } from "@/lib/articles/actions";
import { transitions, type WorkflowAction } from "@/lib/articles/workflow";
import { StatusLine } from "@/components/ui/status-line";
import type { FieldErrors } from "@/lib/desk-results";

/** The panel's own fields; any other field a refusal names is the article form's. */
const panelFields = new Set(["note", "scheduledFor", "correctionKind", "correctionText", "action", "articleId"]);

/**
 * The workflow buttons the server says this user may press now. The server re-checks every press.
 * `beforeAction` lets the editor save unsaved text first; it returns false to stop. A story not yet
 * complete is refused with every missing field: the panel says so in one line, and `onRefused`
 * hands the fields to the article form to show beside each one.
 */
export function WorkflowPanel({
  articleId,
  actions,
  beforeAction,
  timeZone = "UTC",
  scheduledForInput = "",
  onRefused,
}: {
  articleId: string;
  onRefused?: (fieldErrors: FieldErrors) => void;
  actions: WorkflowAction[];
  beforeAction?: () => Promise<boolean>;
  /** The newsroom's time zone, in which the schedule is typed. */
  timeZone?: string;
  /** The current schedule as a datetime-local value in that zone, if any. */
  scheduledForInput?: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useDeskTransition();
  const [note, setNote] = useState("");
  const [significantUpdate, setSignificantUpdate] = useState(false);
  const [scheduledFor, setScheduledFor] = useState(scheduledForInput);
  const [correctionKind, setCorrectionKind] = useState<"" | "correction" | "clarification">("");
  const [correctionText, setCorrectionText] = useState("");
  const [message, setMessage] = useState<{ kind: "error" | "done"; text: string } | null>(null);
  const noteId = useId();

  if (actions.length === 0) return null;

  function run(action: WorkflowAction) {
    setMessage(null);
    startTransition(async () => {
      if (beforeAction && !(await beforeAction())) return;
      const result = await workflowAction({
        articleId,
        action,
        note: note || undefined,
        significantUpdate,
        scheduledFor: action === "schedule" ? scheduledFor : undefined,
        correctionKind: action === "republish" && correctionText ? correctionKind || undefined : undefined,
        correctionText: action === "republish" ? correctionText || undefined : undefined,
      });
      if (!result.ok) {
        const fieldErrors = result.fieldErrors ?? {};
        const formFields = Object.fromEntries(Object.entries(fieldErrors).filter(([name]) => !panelFields.has(name)));
        if (Object.keys(formFields).length) {
          onRefused?.(formFields);
          setMessage({ kind: "error", text: result.error });
          return;
        }
        const fieldError = Object.values(fieldErrors).flat()[0];
        setMessage({ kind: "error", text: fieldError ?? result.error });
        return;
      }
      setNote("");
      setCorrectionText("");
      setCorrectionKind("");
      setMessage({ kind: "done", text: `Done: ${transitions[action].label}.` });
      router.refresh();
    });
  }

  const needsNote = actions.includes("requestChanges");
  return (
    <section className="workflow-panel" aria-label="Workflow">
      <h2>Workflow</h2>
      {needsNote ? (
        <div className="field">
          <label htmlFor={noteId}>Note to the reporter</label>
          <textarea id={noteId} rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
      ) : null}
      {actions.includes("schedule") ? (
        <div className="schedule-fields">
          <label htmlFor={`${noteId}-when`}>Publish at ({timeZone})</label>
          <input
            id={`${noteId}-when`}
            type="datetime-local"
            step={1}
            value={scheduledFor}
            onChange={(event) => setScheduledFor(event.target.value)}
          />
        </div>
      ) : null}
      {actions.includes("republish") ? (
        <>
          <label className="checkbox">
            <input type="checkbox" checked={significantUpdate} onChange={(event) => setSignificantUpdate(event.target.checked)} />
            Significant update (readers see an “Updated” stamp)
          </label>
          <div className="field">
            <label htmlFor={`${noteId}-correction-kind`}>Correction or clarification</label>
            <select
              id={`${noteId}-correction-kind`}
              value={correctionKind}
              onChange={(event) => setCorrectionKind(event.target.value as typeof correctionKind)}
            >
              <option value="">None</option>
              <option value="correction">Correction</option>
              <option value="clarification">Clarification</option>
            </select>
          </div>
          {correctionKind ? (
            <div className="field">
              <label htmlFor={`${noteId}-correction-text`}>Text shown to readers</label>
              <textarea
                id={`${noteId}-correction-text`}
                rows={3}
                value={correctionText}
                onChange={(event) => setCorrectionText(event.target.value)}
              />
            </div>
          ) : null}
        </>
      ) : null}
      <div className="button-row">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={action === "publish" || action === "republish" ? "button primary" : "button"}
            disabled={pending}
            onClick={() => run(action)}
          >
            {transitions[action].label}
          </button>
        ))}
      </div>
      <StatusLine message={message} />
    </section>
  );
}
