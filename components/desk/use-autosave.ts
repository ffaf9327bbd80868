"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { createAutosaver, type AutosaveOptions } from "@/lib/autosave";
import { draftCopies, forgetUnkeyedDrafts } from "./draft-backup";

type Callbacks<V extends Record<string, unknown>, Latest extends { version: number }> = Pick<
  AutosaveOptions<V, Latest>,
  "send" | "onSaved" | "hasWords" | "savesTheSame" | "valuesOf"
>;

/**
 * The article form's saving (lib/autosave.ts) bound to this browser: its timers, the writer's copies
 * in localStorage, and the page's own events. Coming back online retries at once; closing the tab
 * warns while the server lacks the text; switching away saves, and closing or navigating away sends
 * the text in a request the browser completes after the page is gone (the local copy stays either way).
 */
export function useAutosave<V extends Record<string, unknown>, Latest extends { version: number }>({
  userId,
  articleId,
  version,
  values,
  justCreated,
  busy,
  ...callbacks
}: { userId: string; articleId?: string; version: number; values: V; justCreated?: boolean; busy: boolean } & Callbacks<V, Latest>) {
  // The saver lives as long as the form; each render hands it that render's functions.
  const [autosaver] = useState(() =>
    createAutosaver<V, Latest>({ articleId, version, values, justCreated, copies: draftCopies<V>(userId), clock: browserClock, ...callbacks }),
  );
  useEffect(() => {
    autosaver.use({ ...callbacks, busy: () => busy });
  });
  const snapshot = useSyncExternalStore(autosaver.subscribe, autosaver.snapshot, autosaver.snapshot);

  useEffect(() => {
    // This browser's storage can only be read after hydration: the server cannot know it.
    forgetUnkeyedDrafts();
    autosaver.recover();
    const online = () => autosaver.online();
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (autosaver.unsaved()) event.preventDefault();
    };
    const saveOnLeave = (event: Event) => {
      const leaving = autosaver.leaving();
      if (!leaving) return;
      if (event.type === "visibilitychange" && document.visibilityState === "hidden" && !autosaver.busy()) void autosaver.save();
      if (event.type === "pagehide") {
        void fetch(`/api/articles/${leaving.articleId}`, {
          method: "PUT",
          keepalive: true,
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...leaving.values, baseVersion: leaving.baseVersion }),
        }).catch(() => undefined);
      }
    };
    window.addEventListener("online", online);
    window.addEventListener("beforeunload", warnBeforeLeaving);
    document.addEventListener("visibilitychange", saveOnLeave);
    window.addEventListener("pagehide", saveOnLeave);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("beforeunload", warnBeforeLeaving);
      document.removeEventListener("visibilitychange", saveOnLeave);
      window.removeEventListener("pagehide", saveOnLeave);
      autosaver.stop();
    };
  }, [autosaver]);

  return { ...snapshot, autosaver };
}

const browserClock = {
  now: () => Date.now(),
  setTimeout: (run: () => void, ms: number) => window.setTimeout(run, ms),
  clearTimeout: (timer: unknown) => window.clearTimeout(timer as number | undefined),
  setInterval: (run: () => void, ms: number) => window.setInterval(run, ms),
  clearInterval: (timer: unknown) => window.clearInterval(timer as number | undefined),
};
