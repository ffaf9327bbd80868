import { peekCurrentUser } from "@/lib/auth/session";
import { unreadCount } from "@/lib/notifications/queries";

/**
 * The desk header's unread count, polled every few seconds by every open desk page: one session
 * read and one indexed count. It reads the session without marking it active, so a desk left open
 * still signs out when idle. Any server process answers alike: the count is in the database.
 */
export async function GET() {
  const user = await peekCurrentUser();
  if (!user) return Response.json({ error: "Sign in again." }, { status: 401, headers: { "cache-control": "no-store" } });
  return Response.json({ unread: await unreadCount(user) }, { headers: { "cache-control": "no-store" } });
}
