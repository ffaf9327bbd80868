import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { requireDeskUser } from "@/lib/auth/session";
import { listSections } from "@/lib/articles/desk-queries";
import { smtpSettingsFrom } from "@/lib/notifications/email/settings";
import { kindsFor } from "@/lib/notifications/kinds";
import { readPreferences } from "@/lib/notifications/preferences";
import { NotificationPreferencesForm } from "@/components/desk/notification-preferences-form";

export const metadata: Metadata = { title: "Notifications you receive | Newsdesk", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function NotificationPreferencesPage() {
  const user = await requireDeskUser();
  const editor = can(user, "review:article:any");
  const [preferences, sections] = await Promise.all([
    readPreferences(user.id),
    editor ? listSections() : [],
  ]);
  const email = smtpSettingsFrom(process.env);
  return (
    <>
      <div className="page-heading">
        <h1>Notifications you receive</h1>
        <Link href="/desk/account">Your account</Link>
      </div>
      <p role="note" className="hint">
        {email.on ? `Email goes to ${user.email}.` : email.reason}
      </p>
      <section aria-labelledby="preferences-heading" className="admin-panel">
        <h2 id="preferences-heading">In the desk, by email, both or neither</h2>
        <NotificationPreferencesForm initialValues={preferences} kinds={kindsFor(user)} sections={sections} emailOn={email.on} />
      </section>
    </>
  );
}
