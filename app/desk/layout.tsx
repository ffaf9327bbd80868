import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { secondFactorPath } from "@/lib/auth/second-factor-rules";
import { requireDeskUser, type SessionUser } from "@/lib/auth/session";
import { SignOutButton } from "@/components/desk/sign-out-button";
import { NotificationsLink } from "@/components/desk/notifications-link";
import { unreadCount } from "@/lib/notifications/queries";
import { UntilHydrated } from "@/components/ui/until-hydrated";

export const metadata: Metadata = { title: "Desk | Newsdesk", robots: { index: false } };

export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  // The frame lets a user with a pending step through (every page behind it sends them to that
  // step), and then offers nothing but that step and signing out.
  const user = await requireDeskUser({ allowPendingPasswordChange: true, allowPendingEnrolment: true });
  const pending = user.mustEnrolSecondFactor || user.mustChangePassword;
  return (
    <div className="desk">
      <header className="desk-header">
        <p className="desk-brand">
          <Link href="/desk">Newsdesk</Link>
        </p>
        {pending ? null : <DeskNav user={user} />}
        <p className="desk-user">
          {pending ? null : <NotificationsLink initialUnread={await unreadCount(user)} />}
          <Link href="/desk/account" aria-label={`Your account: ${user.name} (${user.role})`}>
            {user.name} <span className="role">({user.role})</span>
          </Link>
          <Link href={secondFactorPath}>Second factor</Link>
          <SignOutButton />
        </p>
      </header>
      <main id="main" className="desk-main">
        <UntilHydrated>{children}</UntilHydrated>
      </main>
    </div>
  );
}

function DeskNav({ user }: { user: SessionUser }) {
  return (
    <nav aria-label="Desk">
      <ul>
        <li>
          <Link href="/desk">Dashboard</Link>
        </li>
        <li>
          <Link href="/desk/articles">Articles</Link>
        </li>
        <li>
          <Link href="/desk/assignments">Assignments</Link>
        </li>
        <li>
          <Link href="/desk/articles/new">New article</Link>
        </li>
        <li>
          <Link href="/desk/media">Media</Link>
        </li>
        {can(user, "manage:users") ? (
          <li>
            <Link href="/desk/users">Users</Link>
          </li>
        ) : null}
        {can(user, "manage:settings") ? (
          <li>
            <Link href="/desk/settings">Settings</Link>
          </li>
        ) : null}
        {can(user, "read:audit") ? (
          <li>
            <Link href="/desk/audit">Audit log</Link>
          </li>
        ) : null}
        <li>
          <a href="/">Public site</a>
        </li>
      </ul>
    </nav>
  );
}
