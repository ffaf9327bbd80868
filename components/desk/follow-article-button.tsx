"use client";

import { useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { followArticleAction } from "@/lib/notifications/actions";
import { StatusLine, type FormMessage } from "@/components/ui/status-line";

export function FollowArticleButton({ articleId, following: initial }: { articleId: string; following: boolean }) {
  const [following, setFollowing] = useState(initial);
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, startTransition] = useDeskTransition();
  return (
    <div className="follow-article">
      <p className="hint">{following ? "You hear of new notes on this article." : "You do not hear of new notes on this article."}</p>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() =>
          startTransition(async () => {
            const result = await followArticleAction({ articleId, following: !following });
            if (result.ok) setFollowing(!following);
            setMessage(result.ok ? null : { kind: "error", text: result.error });
          })
        }
      >
        {following ? "Unfollow notes" : "Follow notes"}
      </button>
      <StatusLine message={message} />
    </div>
  );
}
