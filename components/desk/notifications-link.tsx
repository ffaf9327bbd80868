"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/** How often an open desk page asks for the unread count: "within a few seconds", cheaply. */
const pollMs = 3_000;

/**
 * The header's link to the notifications, with the unread count. The server renders the count;
 * the page then asks /api/notifications every few seconds while it is visible, and at once when it
 * comes back into view or moves to another desk page.
 */
export function NotificationsLink({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  const pathname = usePathname();
  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const response = await fetch("/api/notifications", { cache: "no-store" });
        if (!response.ok) return;
        const { unread: count } = (await response.json()) as { unread: number };
        if (!stopped) setUnread(count);
      } catch {
        // Offline or the server restarting: the next tick tries again.
      }
    };
    void refresh();
    const timer = setInterval(refresh, pollMs);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [pathname]);
  return (
    <Link href="/desk/notifications" className="notifications-link">
      Notifications{" "}
      <span className={unread > 0 ? "unread-count" : "unread-count none"} data-testid="unread-count">
        {unread}
      </span>
      <span className="visually-hidden"> unread</span>
    </Link>
  );
}
