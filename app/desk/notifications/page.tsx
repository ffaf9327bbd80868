import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/time/format";
import { requireDeskUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/queries";
import { getSettings } from "@/lib/settings";
import { MarkAllReadButton } from "@/components/desk/mark-all-read-button";

export const metadata: Metadata = { title: "Notifications | Newsdesk", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireDeskUser();
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1);
  const [{ items, more }, { timeZone }] = await Promise.all([listNotifications(user, page), getSettings()]);
  return (
    <>
      <div className="page-heading">
        <h1>Notifications</h1>
        {items.some((item) => !item.read) ? <MarkAllReadButton /> : null}
      </div>
      <p className="hint">
        What is waiting for you. <Link href="/desk/account/notifications">Choose what reaches you, and how</Link>.
      </p>
      {items.length === 0 ? (
        <p className="empty">Nothing yet.</p>
      ) : (
        <ol className="notification-list">
          {items.map((item) => (
            <li key={item.id} className={item.read ? "read" : "unread"}>
              {item.read ? null : <strong className="unread-mark">New </strong>}
              {/* A plain link, never prefetched: opening it marks it read. */}
              <a href={`/desk/notifications/${item.id}`}>{item.sentence}</a>{" "}
              <time dateTime={item.at.toISOString()}>{formatDateTime(item.at, timeZone)}</time>
              {item.excerpt ? <blockquote>{item.excerpt}</blockquote> : null}
            </li>
          ))}
        </ol>
      )}
      <nav aria-label="Pages">
        {page > 1 ? <Link href={`/desk/notifications?page=${page - 1}`}>Newer</Link> : null}{" "}
        {more ? <Link href={`/desk/notifications?page=${page + 1}`}>Older</Link> : null}
      </nav>
    </>
  );
}
