/**
 * Scheduled publication. A scheduled article goes live at its time whether or not anyone visits
 * the site: the server checks every second for articles that are due and publishes them, acting
 * as the editor who scheduled them (never as "no user"), so the policy still applies. On start it
 * first catches up on anything that fell due while the server was down, and records that it was
 * late.
 */
import "server-only";
import { db } from "@/lib/db";
import { isRole } from "@/lib/auth/policy";
import { now as clockNow } from "@/lib/clock";
import { isDeskError } from "@/lib/errors";
import { formatDateTime } from "./dates";
import { moveArticle } from "./commands/move-article";

/** A publication more than this long after its time is recorded as late. */
export const lateAfterMs = 60_000;
const tickMs = 1_000;

export function isDue({ scheduledFor, now }: { scheduledFor: Date; now: Date }): boolean {
  return scheduledFor.getTime() <= now.getTime();
}

export function isLate({ scheduledFor, now }: { scheduledFor: Date; now: Date }): boolean {
  return now.getTime() - scheduledFor.getTime() > lateAfterMs;
}

/** Publishes every scheduled article whose time has come; returns what it published. */
export async function publishDueArticles(now: Date): Promise<{ id: string; late: boolean }[]> {
  const due = await db.article.findMany({
    where: { status: "scheduled", scheduledFor: { lte: now } },
    orderBy: { scheduledFor: "asc" },
    select: { id: true, scheduledFor: true, scheduledBy: { select: { id: true, role: true, active: true } } },
  });
  const published: { id: string; late: boolean }[] = [];
  for (const article of due) {
    const editor = article.scheduledBy;
    if (!article.scheduledFor || !editor?.active || !isRole(editor.role)) continue;
    const late = isLate({ scheduledFor: article.scheduledFor, now });
    const note = late
      ? `Published late: it was due at ${formatDateTime(article.scheduledFor, "UTC")} UTC, when the server was not running.`
      : "Published automatically at its scheduled time.";
    try {
      await moveArticle({
        input: { articleId: article.id, action: "publish" },
        actor: { id: editor.id, role: editor.role },
        now,
        scheduledRun: { late, note },
      });
      published.push({ id: article.id, late });
    } catch (error) {
      // Someone moved it in the meantime, or the scheduling editor lost the right to publish.
      if (!isDeskError(error)) throw error;
      console.warn(`Scheduled publication of ${article.id} refused: ${error.message}`);
    }
  }
  return published;
}

const globalScheduler = globalThis as unknown as { newsdeskScheduler?: NodeJS.Timeout };

/** Starts the once-a-second check (once per process), after catching up on missed times. */
export function startScheduler(clock: () => Date = clockNow) {
  if (globalScheduler.newsdeskScheduler) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const published = await publishDueArticles(clock());
      for (const { id, late } of published) console.log(`Published scheduled article ${id}${late ? " (late)" : ""}`);
    } catch (error) {
      console.error("Scheduled publication failed:", error);
    } finally {
      running = false;
    }
  };
  void tick();
  globalScheduler.newsdeskScheduler = setInterval(tick, tickMs);
  globalScheduler.newsdeskScheduler.unref();
}
