"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { restoreRevisionAction } from "@/lib/articles/actions";

/**
 * Brings an older revision back as the newest one. Shown only to those who may edit the article
 * now; the server checks again on every press. `baseVersion` is the version this screen shows, so
 * a restore over someone's newer save is refused rather than silently undoing it.
 */
export function RestoreRevisionButton({
  articleId,
  revisionNumber,
  baseVersion,
}: {
  articleId: string;
  revisionNumber: number;
  baseVersion: number;
}) {
  const router = useRouter();
  const [pending, startTransition] = useDeskTransition();
  const [message, setMessage] = useState<{ kind: "error" | "done"; text: string } | null>(null);

  function restore() {
    setMessage(null);
    startTransition(async () => {
      const result = await restoreRevisionAction({ articleId, revisionNumber, baseVersion });
      if (!result.ok) {
        setMessage({ kind: "error", text: result.error });
        return;
      }
      setMessage({ kind: "done", text: `Restored as revision ${result.version}.` });
      router.refresh();
    });
  }

  return (
    <div className="restore-revision">
      <button type="button" className="button" disabled={pending} onClick={restore}>
        Restore this revision
      </button>
      <p className={message?.kind === "error" ? "form-error" : "form-done"} role="status">
        {message?.text}
      </p>
    </div>
  );
}
