import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { minPasswordLength } from "@/lib/auth/password-rules";
import { can } from "@/lib/auth/policy";
import { requireDeskUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/settings";
import { listStaff } from "@/lib/users/queries";
import { NewUserForm } from "@/components/desk/new-user-form";
import { ResetPasswordForm } from "@/components/desk/reset-password-form";
import { StaffTable } from "@/components/desk/staff-table";

export const metadata: Metadata = { title: "Users | Newsdesk", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const user = await requireDeskUser();
  // Not "forbidden": to anyone but an admin this screen does not exist.
  if (!can(user, "manage:users")) notFound();
  const [staff, { timeZone }] = await Promise.all([listStaff(), getSettings()]);
  return (
    <>
      <div className="page-heading">
        <h1>Users</h1>
      </div>
      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading">Newsroom staff</h2>
        <p className="hint">
          A role change or a deactivation ends the person&rsquo;s open sessions at once; after a role change they sign in
          again with their new role, and a deactivated user cannot sign in. Stories they scheduled still go live at their
          times: you will see them before you confirm.
        </p>
        <StaffTable rows={staff} currentUserId={user.id} timeZone={timeZone} />
      </section>
      <section aria-labelledby="new-user-heading" className="admin-panel">
        <h2 id="new-user-heading">Add a user</h2>
        <NewUserForm minPasswordLength={minPasswordLength} />
      </section>
      <section aria-labelledby="reset-heading" className="admin-panel">
        <h2 id="reset-heading">Reset a password</h2>
        <p className="hint">
          For someone who forgot theirs or may have given it away. Every session of theirs ends, and they must choose a new
          password when they next sign in.
        </p>
        <ResetPasswordForm
          people={staff.filter((person) => person.active && person.id !== user.id).map(({ id, name, email }) => ({ id, name, email }))}
        />
      </section>
    </>
  );
}
