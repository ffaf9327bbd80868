"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { retryAfterOf, whenToTryAgain } from "@/lib/auth/throttle-response";

const genericFailure = "That email and password do not match an active account.";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useDeskTransition();

  return (
    <form
      className="login-form"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await signIn("credentials", { email, password, redirect: false });
          if (!result || result.error) {
            // Throttled reads like a wrong password, plus when to try again: it says nothing about the account.
            const retryAfter = retryAfterOf(result?.error);
            setError(retryAfter === null ? genericFailure : `${genericFailure} ${whenToTryAgain(retryAfter)}`);
            return;
          }
          router.replace(callbackUrl);
          router.refresh();
        });
      }}
    >
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      {error ? (
        <p className="form-error" role="status">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={pending}>
        Sign in
      </button>
    </form>
  );
}
