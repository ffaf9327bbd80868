"use client";

import { useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/desk-results";
import { StatusLine, type FormMessage } from "./status-line";
import { useDeskTransition } from "./use-hydrated";

/**
 * A button that runs one desk action, stays disabled while it runs (and until the page is
 * interactive), and says how it went: the action's refusal, or what `onSuccess` returns.
 */
export function ActionButton<T extends object>({
  act,
  onSuccess,
  className,
  children,
  before,
}: {
  act: () => Promise<ActionResult<T>>;
  onSuccess?: (result: { ok: true } & T) => FormMessage | void;
  className?: string;
  children: ReactNode;
  /** Shown above the button: what pressing it would change. */
  before?: ReactNode;
}) {
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, startTransition] = useDeskTransition();
  return (
    <div className={className}>
      {before}
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() =>
          startTransition(async () => {
            setMessage(null);
            const result = await act();
            setMessage(result.ok ? (onSuccess?.(result) ?? null) : { kind: "error", text: result.error });
          })
        }
      >
        {children}
      </button>
      <StatusLine message={message} />
    </div>
  );
}
