import { saveArticleAction } from "@/lib/articles/actions";
import { admitJson, resultResponse } from "@/lib/http";

// A body of 400,000 characters (bodySchema's limit), JSON-escaped and in multi-byte scripts, plus the form's fields.
const maxSaveBytes = 2 * 1024 * 1024;

/**
 * PUT /api/articles/:id  { headline, dateline, standfirst, sectionId, kind, body, baseVersion }
 * Saves a new revision for scripts and integrations, under the same rules as the desk's form:
 * 409 with the newer version attached when `baseVersion` is stale. Refused before the body is read
 * (lib/http.ts): 403 from another site, 401 signed out, 415 not JSON, 413 past 2 MB.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const admitted = await admitJson(request, maxSaveBytes);
  if (!admitted.ok) return admitted.response;
  const { id } = await params;
  return resultResponse(await saveArticleAction({ ...admitted.body, articleId: id }));
}
