"use client";

import { useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { markAllReadAction } from "@/lib/notifications/actions";
import { StatusLine, type FormMessage } from "@/components/ui/status-line";

export function MarkAllReadButton() {
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, startTransition] = useDeskTransition();
  return (
    <div>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() =>
          startTransition(async () => {
            const result = await markAllReadAction();
            setMessage(result.ok ? { kind: "done", text: "All marked read." } : { kind: "error", text: result.error });
          })
        }
      >
        Mark all read
      </button>
      <StatusLine message={message} />
    </div>
  );
}
