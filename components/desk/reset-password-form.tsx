"use client";

import { useId, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { resetPasswordAction } from "@/lib/users/actions";
import type { FieldErrors } from "@/lib/desk-results";
import { FieldError } from "@/components/ui/field-error";
import { StatusLine, type FormMessage } from "@/components/ui/status-line";

type Person = { id: string; name: string; email: string };

/**
 * An admin resets someone's password: to one the admin types, or, left empty, to one made on the
 * server and shown here once. The person must choose their own at their next sign-in.
 */
export function ResetPasswordForm({ people }: { people: Person[] }) {
  const [userId, setUserId] = useState(people[0]?.id ?? "");
  const [temporaryPassword, setTemporaryPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [made, setMade] = useState<{ name: string; password: string } | null>(null);
  const [pending, startTransition] = useDeskTransition();
  const id = useId();

  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMessage(null);
        setMade(null);
        startTransition(async () => {
          const result = await resetPasswordAction({ userId, temporaryPassword });
          if (!result.ok) {
            setFieldErrors(result.fieldErrors ?? {});
            setMessage({ kind: "error", text: result.error });
            return;
          }
          setFieldErrors({});
          setTemporaryPassword("");
          if (result.madePassword) setMade({ name: result.name, password: result.madePassword });
          setMessage({ kind: "done", text: `${result.name}'s password is reset and their sessions have ended. They choose a new one when they sign in.` });
        });
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-userId`}>Person</label>
          <select id={`${id}-userId`} name="userId" value={userId} onChange={(event) => setUserId(event.target.value)}>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name} ({person.email})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-temporaryPassword`}>Temporary password</label>
          <input
            id={`${id}-temporaryPassword`}
            name="temporaryPassword"
            type="password"
            autoComplete="new-password"
            value={temporaryPassword}
            onChange={(event) => setTemporaryPassword(event.target.value)}
            aria-invalid={fieldErrors.temporaryPassword ? true : undefined}
            aria-describedby={[`${id}-temporaryPassword-hint`, fieldErrors.temporaryPassword ? `${id}-temporaryPassword-error` : null].filter(Boolean).join(" ")}
          />
          <p id={`${id}-temporaryPassword-hint`} className="hint">
            Leave empty to have one made and shown here once.
          </p>
          <FieldError formId={id} name="temporaryPassword" errors={fieldErrors} />
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={pending || !userId}>
          Reset password
        </button>
      </div>
      <StatusLine message={message} />
      {made ? (
        <p className="made-password">
          Give {made.name} this temporary password, in person: <code>{made.password}</code> (shown only now).
        </p>
      ) : null}
    </form>
  );
}
