"use client";

import { useRouter } from "next/navigation";
import { ActionButton } from "@/components/ui/action-button";
import { signOutEverywhereAction } from "@/lib/users/actions";

/** Ends every session of the user, this one included, and goes to the sign-in page. */
export function SignOutEverywhereButton() {
  const router = useRouter();
  return (
    <ActionButton
      act={() => signOutEverywhereAction()}
      onSuccess={() => {
        router.replace("/login");
        router.refresh();
      }}
    >
      Sign out everywhere
    </ActionButton>
  );
}
