"use client";

import type { ReactNode } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * Every control inside stays disabled until React has attached the page's handlers. The desk's
 * forms are controlled: a choice made in the server's HTML before then would stay on screen while
 * the form's state kept the old value, so the form would send something other than what it shows
 * (an admin picked one person to reset and the form sent the first in the list). A disabled
 * fieldset is the browser's own way of freezing every control in it; `role="none"` keeps it from
 * being announced as a group, and the CSS class from drawing one.
 */
export function UntilHydrated({ children }: { children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <fieldset role="none" className="until-hydrated" disabled={!hydrated}>
      {children}
    </fieldset>
  );
}
