"use client";

import { signOut } from "next-auth/react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { clearDeviceDrafts } from "./draft-backup";

/** The next person at this computer must not be offered this writer's unsaved text. */
function signOutHere() {
  clearDeviceDrafts();
  return signOut({ callbackUrl: "/login" });
}

export function SignOutButton() {
  const hydrated = useHydrated();
  return (
    <button type="button" className="button-link" disabled={!hydrated} onClick={() => signOutHere()}>
      Sign out
    </button>
  );
}
