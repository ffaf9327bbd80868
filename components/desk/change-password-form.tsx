"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { changePasswordAction } from "@/lib/users/actions";
import type { FieldErrors } from "@/lib/desk-results";
import { FieldError } from "@/components/ui/field-error";
import { StatusLine, type FormMessage } from "@/components/ui/status-line";

type Values = { currentPassword: string; newPassword: string };
const blank: Values = { currentPassword: "", newPassword: "" };

/**
 * Changes the signed-in user's password. A refused form keeps what was typed and says beside each
 * field what to fix. After a forced change (an admin's reset) it takes the user on to the desk.
 */
export function ChangePasswordForm({ minPasswordLength, forced }: { minPasswordLength: number; forced: boolean }) {
  const router = useRouter();
  const [values, setValues] = useState(blank);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [pending, startTransition] = useDeskTransition();
  const id = useId();

  const field = (name: keyof Values, hint?: boolean) => {
    const describedBy = [hint ? `${id}-${name}-hint` : null, fieldErrors[name] ? `${id}-${name}-error` : null].filter(Boolean).join(" ");
    return {
      id: `${id}-${name}`,
      name,
      type: "password",
      value: values[name],
      onChange: (event: React.ChangeEvent<HTMLInputElement>) => setValues((current) => ({ ...current, [name]: event.target.value })),
      "aria-invalid": fieldErrors[name] ? true : undefined,
      "aria-describedby": describedBy || undefined,
    };
  };

  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMessage(null);
        startTransition(async () => {
          const result = await changePasswordAction(values);
          if (!result.ok) {
            setFieldErrors(result.fieldErrors ?? {});
            setMessage({ kind: "error", text: result.error });
            return;
          }
          setFieldErrors({});
          setValues(blank);
          setMessage({ kind: "done", text: "Your password is changed. Every other session of yours has ended." });
          if (forced) router.replace("/desk");
          router.refresh();
        });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-currentPassword`}>{forced ? "Temporary password" : "Current password"}</label>
        <input {...field("currentPassword")} autoComplete="current-password" />
        <FieldError formId={id} name="currentPassword" errors={fieldErrors} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-newPassword`}>New password</label>
        <input {...field("newPassword", true)} autoComplete="new-password" />
        <p id={`${id}-newPassword-hint`} className="hint">
          At least {minPasswordLength} characters, not a common password. A few unrelated words together work well.
        </p>
        <FieldError formId={id} name="newPassword" errors={fieldErrors} />
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={pending}>
          Change password
        </button>
      </div>
      <StatusLine message={message} />
    </form>
  );
}
