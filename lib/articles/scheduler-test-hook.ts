/**
 * Test mode only: runs the scheduler "as of" a given instant, so an end-to-end journey can schedule
 * a story for an hour ahead and see it go live without waiting on the wall clock. The run is the
 * real one (publishDueArticles: the same query, command, history line and cache refresh), only its
 * `now` is the caller's and it looks at the named articles alone.
 *
 * It exists only while the server runs with NEWSDESK_TEST_MODE=on, which playwright.config.ts sets
 * for its own server and nothing else does: otherwise every request is answered 404, unread, as if
 * there were no such address.
 */
import "server-only";
import { z } from "zod";
import { publishDueArticles } from "./scheduler";

/** The variable that turns test mode on; `on` is the only value that does. */
export const testModeVariable = "NEWSDESK_TEST_MODE";

type Environment = Record<string, string | undefined>;

export function isTestMode(env: Environment = process.env): boolean {
  return env[testModeVariable] === "on";
}

const schedulerRunSchema = z.object({
  asOf: z.iso.datetime({ error: "Give asOf as an ISO 8601 instant." }),
  articleIds: z.array(z.string().min(1)).min(1, { error: "Name the articles to look at." }).max(100),
});

/** POST { asOf, articleIds } → 200 { published: [{ id, late }] }; 422 for bad input; 404 outside test mode. */
export async function runSchedulerAsOf(request: Request, env: Environment = process.env): Promise<Response> {
  if (!isTestMode(env)) return new Response("Not found", { status: 404 });
  const parsed = schedulerRunSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors }, { status: 422 });
  const { asOf, articleIds } = parsed.data;
  const published = await publishDueArticles(new Date(asOf), { only: articleIds });
  return Response.json({ ok: true, published });
}
