"use client";

import { useState } from "react";
import { resetPasswordAction } from "@/lib/users/actions";
import { Field, PasswordField } from "@/components/ui/field";
import { StatusLine } from "@/components/ui/status-line";
import { useFormAction } from "@/components/ui/use-form-action";

type Person = { id: string; name: string; email: string };

/**
 * An admin resets someone's password: to one the admin types, or, left empty, to one made on the
 * server and shown here once. The person must choose their own at their next sign-in.
 */
export function ResetPasswordForm({ people }: { people: Person[] }) {
  // No one is chosen at first: a reset ends someone's sessions, so its target is always picked.
  const form = useFormAction({ userId: "", temporaryPassword: "" });
  const { values, update } = form;
  const [made, setMade] = useState<{ name: string; password: string } | null>(null);

  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={(event) => {
        setMade(null);
        form.submitWith(
          () => resetPasswordAction(values),
          (reset) => {
            update("temporaryPassword", "");
            if (reset.madePassword) setMade({ name: reset.name, password: reset.madePassword });
            return { kind: "done", text: `${reset.name}'s password is reset and their sessions have ended. They choose a new one when they sign in.` };
          },
        )(event);
      }}
    >
      <div className="field-row">
        <Field form={form} name="userId" label="Person">
          {(control) => (
            <select {...control} {...form.bind("userId")}>
              <option value="">Choose a person…</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name} ({person.email})
                </option>
              ))}
            </select>
          )}
        </Field>
        <PasswordField
          form={form}
          name="temporaryPassword"
          label="Temporary password"
          hint="Leave empty to have one made and shown here once."
          autoComplete="new-password"
          {...form.bind("temporaryPassword")}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={form.busy || !values.userId}>
          Reset password
        </button>
      </div>
      <StatusLine message={form.message} />
      {made ? (
        <p className="made-password">
          Give {made.name} this temporary password, in person: <code>{made.password}</code> (shown only now).
        </p>
      ) : null}
    </form>
  );
}
