"use client";

import { useState } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { followArticleAction } from "@/lib/notifications/actions";

export function FollowArticleButton({ articleId, following: initial }: { articleId: string; following: boolean }) {
  const [following, setFollowing] = useState(initial);
  return (
    <ActionButton
      className="follow-article"
      before={<p className="hint">{following ? "You hear of new notes on this article." : "You do not hear of new notes on this article."}</p>}
      act={() => followArticleAction({ articleId, following: !following })}
      onSuccess={() => setFollowing(!following)}
    >
      {following ? "Unfollow notes" : "Follow notes"}
    </ActionButton>
  );
}
