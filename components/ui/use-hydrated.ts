"use client";

import { useSyncExternalStore, useTransition, type TransitionStartFunction } from "react";

const subscribeToNothing = () => () => {};

/**
 * False in the server's HTML and until React has attached the page's handlers, true after. Desk
 * buttons stay disabled until then, so a quick press on a slow connection is never swallowed by a
 * button that does nothing yet (or, for a form, sent natively with its fields in the URL).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

/**
 * `useTransition` for desk actions: `busy` while the action runs and before hydration, so one
 * `disabled={busy}` keeps a button from being pressed twice or too early.
 */
export function useDeskTransition(): [busy: boolean, startTransition: TransitionStartFunction] {
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  return [pending || !hydrated, startTransition];
}
