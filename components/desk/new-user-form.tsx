"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useDeskTransition } from "@/components/ui/use-hydrated";
import { createUserAction } from "@/lib/users/actions";
import { roles, type Role } from "@/lib/auth/policy";
import type { FieldErrors } from "@/lib/desk-results";
import { aRole, roleLabels } from "@/lib/users/labels";
import { FieldError } from "@/components/ui/field-error";
import { StatusLine } from "@/components/ui/status-line";

type NewUserValues = { name: string; email: string; role: Role; password: string };

const blank: NewUserValues = { name: "", email: "", role: "reporter", password: "" };

/** Adds a user. A refused form keeps everything typed and says beside each field what to fix. */
export function NewUserForm({ minPasswordLength }: { minPasswordLength: number }) {
  const router = useRouter();
  const [values, setValues] = useState(blank);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: "error" | "done"; text: string } | null>(null);
  const [pending, startTransition] = useDeskTransition();
  const id = useId();

  const update = <K extends keyof NewUserValues>(key: K, value: NewUserValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const field = (name: keyof NewUserValues, hint?: boolean) => {
    const describedBy = [hint ? `${id}-${name}-hint` : null, fieldErrors[name] ? `${id}-${name}-error` : null]
      .filter(Boolean)
      .join(" ");
    return {
      id: `${id}-${name}`,
      name,
      "aria-invalid": fieldErrors[name] ? true : undefined,
      "aria-describedby": describedBy || undefined,
    };
  };
  const error = (name: keyof NewUserValues) => <FieldError formId={id} name={name} errors={fieldErrors} />;

  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMessage(null);
        startTransition(async () => {
          const result = await createUserAction(values);
          if (!result.ok) {
            setFieldErrors(result.fieldErrors ?? {});
            setMessage({ kind: "error", text: result.error });
            return;
          }
          setFieldErrors({});
          setValues(blank);
          setMessage({ kind: "done", text: `Added ${values.name.trim()} (${values.email.trim().toLowerCase()}) as ${aRole[values.role]}.` });
          router.refresh();
        });
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input {...field("name")} autoComplete="off" value={values.name} onChange={(e) => update("name", e.target.value)} />
          {error("name")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            {...field("email")}
            type="email"
            autoComplete="off"
            value={values.email}
            onChange={(e) => update("email", e.target.value)}
          />
          {error("email")}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select {...field("role")} value={values.role} onChange={(e) => update("role", e.target.value as Role)}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
          {error("role")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>Initial password</label>
          <input
            {...field("password", true)}
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => update("password", e.target.value)}
          />
          <p id={`${id}-password-hint`} className="hint">
            At least {minPasswordLength} characters, not a common password. Give it to them in person; they can change it on their account page.
          </p>
          {error("password")}
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={pending}>
          Add user
        </button>
        <StatusLine message={message} />
      </div>
    </form>
  );
}
