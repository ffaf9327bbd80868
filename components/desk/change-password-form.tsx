"use client";

import { useRouter } from "next/navigation";
import { changePasswordAction } from "@/lib/users/actions";
import { PasswordField } from "@/components/ui/field";
import { StatusLine } from "@/components/ui/status-line";
import { useFormAction } from "@/components/ui/use-form-action";

type Values = { currentPassword: string; newPassword: string };
const blank: Values = { currentPassword: "", newPassword: "" };

/**
 * Changes the signed-in user's password. A refused form keeps what was typed and says beside each
 * field what to fix. After a forced change (an admin's reset) it takes the user on to the desk.
 */
export function ChangePasswordForm({ minPasswordLength, forced }: { minPasswordLength: number; forced: boolean }) {
  const router = useRouter();
  const form = useFormAction(blank);
  const { values } = form;

  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={form.submitWith(
        () => changePasswordAction(values),
        () => {
          form.setValues(blank);
          if (forced) router.replace("/desk");
          router.refresh();
          return { kind: "done", text: "Your password is changed. Every other session of yours has ended." };
        },
      )}
    >
      <PasswordField
        form={form}
        name="currentPassword"
        label={forced ? "Temporary password" : "Current password"}
        autoComplete="current-password"
        {...form.bind("currentPassword")}
      />
      <PasswordField
        form={form}
        name="newPassword"
        label="New password"
        hint={`At least ${minPasswordLength} characters, not a common password. A few unrelated words together work well.`}
        autoComplete="new-password"
        {...form.bind("newPassword")}
      />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={form.busy}>
          Change password
        </button>
      </div>
      <StatusLine message={form.message} />
    </form>
  );
}
