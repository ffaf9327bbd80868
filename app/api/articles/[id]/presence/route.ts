import { leaveArticle, recordPresence } from "@/lib/articles/commands/record-presence";
import { now } from "@/lib/time/clock";
import { isDeskError } from "@/lib/errors";
import { admitBodyless } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

async function answer(run: () => Promise<unknown>) {
  try {
    return Response.json((await run()) ?? { ok: true });
  } catch (error) {
    if (isDeskError(error)) return Response.json({ error: error.message, code: error.code }, { status: error.status });
    throw error;
  }
}

/** Heartbeat: "I have this article open". Answers with who else has it open. Carries no body. */
export async function POST(request: Request, { params }: Context) {
  const admitted = await admitBodyless(request);
  if (!admitted.ok) return admitted.response;
  const { id } = await params;
  return answer(async () => recordPresence({ articleId: id, actor: admitted.actor, now: now() }));
}

/** "I closed it." */
export async function DELETE(request: Request, { params }: Context) {
  const admitted = await admitBodyless(request);
  if (!admitted.ok) return admitted.response;
  const { id } = await params;
  return answer(async () => leaveArticle({ articleId: id, actor: admitted.actor }));
}
