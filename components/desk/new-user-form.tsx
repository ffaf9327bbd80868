"use client";

import { useRouter } from "next/navigation";
import { createUserAction } from "@/lib/users/actions";
import { roles, type Role } from "@/lib/auth/policy";
import { aRole, roleLabels } from "@/lib/users/labels";
import { Field, PasswordField } from "@/components/ui/field";
import { StatusLine } from "@/components/ui/status-line";
import { useFormAction } from "@/components/ui/use-form-action";

type NewUserValues = { name: string; email: string; role: Role; password: string };

const blank: NewUserValues = { name: "", email: "", role: "reporter", password: "" };

/** Adds a user. A refused form keeps everything typed and says beside each field what to fix. */
export function NewUserForm({ minPasswordLength }: { minPasswordLength: number }) {
  const router = useRouter();
  const form = useFormAction(blank);
  const { values, update } = form;

  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={form.submitWith(
        () => createUserAction(values),
        () => {
          form.setValues(blank);
          router.refresh();
          return { kind: "done", text: `Added ${values.name.trim()} (${values.email.trim().toLowerCase()}) as ${aRole[values.role]}.` };
        },
      )}
    >
      <div className="field-row">
        <Field form={form} name="name" label="Name">
          {(control) => <input {...control} autoComplete="off" {...form.bind("name")} />}
        </Field>
        <Field form={form} name="email" label="Email">
          {(control) => (
            <input {...control} type="email" autoComplete="off" {...form.bind("email")} />
          )}
        </Field>
      </div>
      <div className="field-row">
        <Field form={form} name="role" label="Role">
          {(control) => (
            <select {...control} value={values.role} onChange={(e) => update("role", e.target.value as Role)}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <PasswordField
          form={form}
          name="password"
          label="Initial password"
          hint={`At least ${minPasswordLength} characters, not a common password. Give it to them in person; they can change it on their account page.`}
          autoComplete="new-password"
          {...form.bind("password")}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={form.busy}>
          Add user
        </button>
        <StatusLine message={form.message} />
      </div>
    </form>
  );
}
