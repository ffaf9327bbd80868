import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/time/format";
import { minPasswordLength } from "@/lib/auth/password-rules";
import { requireDeskUser } from "@/lib/auth/session";
import { sessionLimits } from "@/lib/auth/session-rules";
import { listOpenSessions } from "@/lib/auth/sessions";
import { now } from "@/lib/time/clock";
import { getSettings } from "@/lib/settings";
import { ChangePasswordForm } from "@/components/desk/change-password-form";
import { SignOutEverywhereButton } from "@/components/desk/sign-out-everywhere-button";

export const metadata: Metadata = { title: "Your account | Newsdesk", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  // The one desk page open to someone whose password an admin reset: they choose a new one here.
  const user = await requireDeskUser({ allowPendingPasswordChange: true, allowPendingEnrolment: true });
  if (user.mustChangePassword) {
    return (
      <>
        <div className="page-heading">
          <h1>Choose a new password</h1>
        </div>
        <p>An admin reset your password. Choose a new one of your own to go on to the desk.</p>
        <section aria-labelledby="password-heading" className="admin-panel">
          <h2 id="password-heading">Your own password</h2>
          <ChangePasswordForm minPasswordLength={minPasswordLength} forced />
        </section>
      </>
    );
  }
  const at = now();
  const [sessions, settings] = await Promise.all([listOpenSessions(user.id, user.sessionId, at), getSettings()]);
  const active = sessions.filter((session) => at.getTime() - session.lastSeenAt.getTime() < sessionLimits.idleMs);
  return (
    <>
      <div className="page-heading">
        <h1>Your account</h1>
      </div>
      <p>
        {user.name}, {user.email}
      </p>
      <p>
        <Link href="/desk/account/notifications">Notifications you receive</Link>: in the desk, by email, both or neither.
      </p>
      <section aria-labelledby="password-heading" className="admin-panel">
        <h2 id="password-heading">Change password</h2>
        <p className="hint">Changing it signs you out everywhere else; this browser stays signed in.</p>
        <ChangePasswordForm minPasswordLength={minPasswordLength} forced={false} />
      </section>
      <section aria-labelledby="sessions-heading" className="admin-panel">
        <h2 id="sessions-heading">Where you are signed in</h2>
        <ul>
          {active.map((session) => (
            <li key={session.id}>
              {session.userAgent || "Unknown browser"}
              {session.address ? ` from ${session.address}` : ""}, last seen {formatDateTime(session.lastSeenAt, settings.timeZone)}
              {session.current ? <strong> (this browser)</strong> : null}
            </li>
          ))}
        </ul>
        <p className="hint">Lost a laptop or signed in on a shared computer? End every session, this one included.</p>
        <SignOutEverywhereButton />
      </section>
    </>
  );
}
