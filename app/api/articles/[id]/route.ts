import { runSaveArticle } from "@/lib/articles/desk-actions";
import { deskErrorStatus } from "@/lib/errors";

/**
 * PUT /api/articles/:id  { headline, dateline, standfirst, sectionId, kind, body, baseVersion }
 * Saves a new revision for scripts and integrations, under the same rules as the desk's form:
 * 409 with the newer version attached when `baseVersion` is stale.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const body: unknown = await request.json().catch(() => null);
  const result = await runSaveArticle({ ...(typeof body === "object" && body ? body : {}), articleId: id });
  if (result.ok) return Response.json(result);
  return Response.json(result, { status: result.code ? deskErrorStatus[result.code] : 422 });
}
