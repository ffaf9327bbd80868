"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { StatusLine, type FormMessage } from "@/components/ui/status-line";
import { cancelAssignmentAction } from "@/lib/assignments/actions";

/**
 * Calls off a story nobody has started, in two steps: the first press asks, the second cancels.
 * Shown to editors while the rules allow it; the server checks again on the second press.
 */
export function CancelAssignmentButton({ assignmentId, assigneeName }: { assignmentId: string; assigneeName: string }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);
  const [pending, startTransition] = useDeskTransition();
  const id = useId();

  function cancel() {
    setMessage(null);
    startTransition(async () => {
      const result = await cancelAssignmentAction({ assignmentId });
      if (!result.ok) {
        setMessage({ kind: "error", text: result.error });
        return;
      }
      setAsking(false);
      router.refresh();
    });
  }

  return (
    <div>
      {asking ? (
        <div className="confirm-panel" role="group" aria-labelledby={`${id}-question`}>
          <p id={`${id}-question`}>Cancel this assignment? {assigneeName} will be told, and it leaves the open list.</p>
          <div className="button-row">
            <button type="button" className="button" disabled={pending} onClick={cancel}>
              Yes, cancel it
            </button>
            <button type="button" className="button-link" disabled={pending} onClick={() => setAsking(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setAsking(true)}>
          Cancel assignment
        </button>
      )}
      <StatusLine message={message} />
    </div>
  );
}
