import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { now } from "@/lib/time/clock";
import { openNotification } from "@/lib/notifications/queries";

type Context = { params: Promise<{ id: string }> };

/**
 * Opening a notification: marks it read and goes where it leads (the note, the history line, the
 * assignment). Marking read is harmless to repeat, so a plain link does it; the list's links are
 * not prefetched.
 */
export async function GET(_request: Request, { params }: Context) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const { id } = await params;
  const href = await openNotification(user, id, now());
  redirect(href ?? "/desk/notifications");
}
