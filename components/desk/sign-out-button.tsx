"use client";

import { signOut } from "next-auth/react";
import { useHydrated } from "@/components/ui/use-hydrated";

export function SignOutButton() {
  const hydrated = useHydrated();
  return (
    <button type="button" className="button-link" disabled={!hydrated} onClick={() => signOut({ callbackUrl: "/login" })}>
      Sign out
    </button>
  );
}
