"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { signOutEverywhereAction } from "@/lib/users/actions";
import { StatusLine, type FormMessage } from "@/components/ui/status-line";

/** Ends every session of the user, this one included, and goes to the sign-in page. */
export function SignOutEverywhereButton() {
  const router = useRouter();
  const [message, setMessage] = useState<FormMessage>(null);
  const [pending, startTransition] = useDeskTransition();
  return (
    <div>
      <button
        type="button"
        className="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await signOutEverywhereAction();
            if (!result.ok) {
              setMessage({ kind: "error", text: result.error });
              return;
            }
            router.replace("/login");
            router.refresh();
          })
        }
      >
        Sign out everywhere
      </button>
      <StatusLine message={message} />
    </div>
  );
}
