import { runWorkflowAction } from "@/lib/articles/desk-actions";
import { deskErrorStatus } from "@/lib/errors";

/**
 * POST /api/articles/:id/transitions  { "action": "publish", "note"?: "…", "significantUpdate"?: true }
 * The workflow for scripts and integrations; the desk's buttons run the same code.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const body: unknown = await request.json().catch(() => null);
  const result = await runWorkflowAction({ ...(typeof body === "object" && body ? body : {}), articleId: id });
  if (result.ok) return Response.json(result);
  return Response.json(result, { status: result.code ? deskErrorStatus[result.code] : 422 });
}
