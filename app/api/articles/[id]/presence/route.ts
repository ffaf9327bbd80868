import { requireActor } from "@/lib/auth/session";
import { leaveArticle, recordPresence } from "@/lib/articles/commands/record-presence";
import { now } from "@/lib/clock";
import { isDeskError } from "@/lib/errors";

type Context = { params: Promise<{ id: string }> };

async function answer(run: () => Promise<unknown>) {
  try {
    return Response.json((await run()) ?? { ok: true });
  } catch (error) {
    if (isDeskError(error)) return Response.json({ error: error.message, code: error.code }, { status: error.status });
    throw error;
  }
}

/** Heartbeat: "I have this article open". Answers with who else has it open. */
export async function POST(_request: Request, { params }: Context) {
  const { id } = await params;
  return answer(async () => recordPresence({ articleId: id, actor: await requireActor(), now: now() }));
}

/** "I closed it." */
export async function DELETE(_request: Request, { params }: Context) {
  const { id } = await params;
  return answer(async () => leaveArticle({ articleId: id, actor: await requireActor() }));
}
