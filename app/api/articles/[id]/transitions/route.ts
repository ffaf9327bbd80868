import { workflowAction } from "@/lib/articles/actions";
import { admitJson, resultResponse } from "@/lib/http";

// An action, a note and a correction of 2,000 characters each, with room to spare.
const maxTransitionBytes = 64 * 1024;

/**
 * POST /api/articles/:id/transitions  { "action": "publish", "note"?: "…", "significantUpdate"?: true }
 * The workflow for scripts and integrations; the desk's buttons run the same code. Refused before
 * the body is read (lib/http.ts): 403 from another site, 401 signed out, 415 not JSON, 413 past 64 KB.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const admitted = await admitJson(request, maxTransitionBytes);
  if (!admitted.ok) return admitted.response;
  const { id } = await params;
  return resultResponse(await workflowAction({ ...admitted.body, articleId: id }));
}
