"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { workflowAction } from "@/app/desk/articles/actions";
import { transitions, type WorkflowAction } from "@/lib/articles/workflow";

/**
 * The workflow buttons the server says this user may press now. The server re-checks every press.
 * `beforeAction` lets the editor save unsaved text first; it returns false to stop.
 */
export function WorkflowPanel({
  articleId,
  actions,
  beforeAction,
}: {
  articleId: string;
  actions: WorkflowAction[];
  beforeAction?: () => Promise<boolean>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [note, setNote] = useState("");
  const [significantUpdate, setSignificantUpdate] = useState(false);
  const [message, setMessage] = useState<{ kind: "error" | "done"; text: string } | null>(null);
  const noteId = useId();

  if (actions.length === 0) return null;

  function run(action: WorkflowAction) {
    setMessage(null);
    startTransition(async () => {
      if (beforeAction && !(await beforeAction())) return;
      const result = await workflowAction({ articleId, action, note: note || undefined, significantUpdate });
      if (!result.ok) {
        setMessage({ kind: "error", text: result.fieldErrors?.note?.[0] ?? result.error });
        return;
      }
      setNote("");
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
      {actions.includes("republish") ? (
        <label className="checkbox">
          <input type="checkbox" checked={significantUpdate} onChange={(event) => setSignificantUpdate(event.target.checked)} />
          Significant update (readers see an “Updated” stamp)
        </label>
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
      {message ? (
        <p className={message.kind === "error" ? "form-error" : "form-done"} role="status">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
