import { runWorkflowAction } from "@/lib/articles/desk-actions";
import { jsonObject, resultResponse } from "@/lib/http";

/**
 * POST /api/articles/:id/transitions  { "action": "publish", "note"?: "…", "significantUpdate"?: true }
 * The workflow for scripts and integrations; the desk's buttons run the same code.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return resultResponse(await runWorkflowAction({ ...(await jsonObject(request)), articleId: id }));
}
