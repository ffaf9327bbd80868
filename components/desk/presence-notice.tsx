"use client";

import { useEffect, useState } from "react";

const heartbeatMs = 5_000;

/** "Also open now: …": who else has this article open in the desk, refreshed every few seconds. */
export function PresenceNotice({ articleId }: { articleId: string }) {
  const [others, setOthers] = useState<string[]>([]);

  useEffect(() => {
    const url = `/api/articles/${articleId}/presence`;
    let stopped = false;
    const beat = async () => {
      try {
        const response = await fetch(url, { method: "POST" });
        if (response.ok && !stopped) setOthers(((await response.json()) as { others: string[] }).others);
      } catch {
        // Offline for a moment: the next heartbeat tries again.
      }
    };
    void beat();
    const timer = setInterval(beat, heartbeatMs);
    const leave = () => void fetch(url, { method: "DELETE", keepalive: true });
    window.addEventListener("pagehide", leave);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [articleId]);

  if (others.length === 0) return null;
  return (
    <p className="presence" role="status">
      Also open now: {others.join(", ")}
    </p>
  );
}
