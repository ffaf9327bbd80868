import { runSaveArticle } from "@/lib/articles/desk-actions";
import { jsonObject, resultResponse } from "@/lib/http";

/**
 * PUT /api/articles/:id  { headline, dateline, standfirst, sectionId, kind, body, baseVersion }
 * Saves a new revision for scripts and integrations, under the same rules as the desk's form:
 * 409 with the newer version attached when `baseVersion` is stale.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return resultResponse(await runSaveArticle({ ...(await jsonObject(request)), articleId: id }));
}
