"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { retryAfterOf, whenToTryAgain } from "@/lib/auth/throttle-response";

/** What the form says for each refusal. None of them tells whether an account exists. */
const messages = {
  invalid: "That email and password do not match an active account.",
  codeInvalid: "That code is not right, or has been used.",
  codeMissing: "Type the code from your authenticator app, or a recovery code.",
} as const;

/**
 * Email and password; then, for an account with a second factor (the server answers
 * "code_required"), the same form asks for the code and sends all three again.
 */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [asksForCode, setAsksForCode] = useState(false);
  // Recovery codes have letters: a phone's numeric keypad would not let anyone type one.
  const [typesRecoveryCode, setTypesRecoveryCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useDeskTransition();
  const codeField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (asksForCode) codeField.current?.focus();
  }, [asksForCode]);

  return (
    <form
      className="login-form"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await signIn("credentials", { email, password, ...(asksForCode ? { code } : {}), redirect: false });
          if (result?.ok && !result.error) {
            router.replace(callbackUrl);
            router.refresh();
            return;
          }
          const reason = result?.error;
          if (reason === "code_required") {
            if (asksForCode) setError(messages.codeMissing);
            setAsksForCode(true);
          } else if (retryAfterOf(reason) !== null) {
            // Throttled reads like a wrong password, plus when to try again: it says nothing about the account.
            setError(`${asksForCode ? messages.codeInvalid : messages.invalid} ${whenToTryAgain(retryAfterOf(reason)!)}`);
          } else {
            setError(asksForCode ? messages.codeInvalid : messages.invalid);
            setCode("");
          }
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
      {asksForCode ? (
        <div className="field">
          <label htmlFor="code">Authentication code</label>
          <input
            ref={codeField}
            id="code"
            name="code"
            autoComplete="one-time-code"
            inputMode={typesRecoveryCode ? "text" : "numeric"}
            maxLength={20}
            required
            aria-describedby="code-hint"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <p id="code-hint" className="hint">
            The six-digit code your authenticator app shows now. Lost your phone? A recovery code works here too.
          </p>
          {typesRecoveryCode ? null : (
            <p>
              <button
                type="button"
                className="button-link"
                onClick={() => {
                  setTypesRecoveryCode(true);
                  codeField.current?.focus();
                }}
              >
                Type a recovery code
              </button>
            </p>
          )}
        </div>
      ) : null}
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
