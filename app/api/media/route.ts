import { invalidInput } from "@/lib/desk-results";
import { admitForm, resultResponse } from "@/lib/http";
import { listLibraryAction, uploadMediaAction } from "@/lib/media/actions";
import { maxImageBytes, mediaMessages } from "@/lib/media/rules";

// The image plus the form's boundaries and its three short text fields.
const maxUploadRequestBytes = maxImageBytes + 64 * 1024;

/**
 * POST /api/media  multipart/form-data: `file`, `alt`, `caption`, `credit`
 * Adds an image to the library: `{ ok: true, image }`, or `{ ok: false, error, fieldErrors }` with
 * 422 (a bad file is refused beside the `file` field), 413 past the size limit, 401 signed out,
 * 403 from another site, 415 not a multipart form.
 * Not a server action: those stop at 1 MB, and an image is larger.
 */
export async function POST(request: Request) {
  // Origin, session, content type and size come first (lib/http.ts): nothing is read before them.
  const admitted = await admitForm(request, maxUploadRequestBytes);
  if (!admitted.ok) {
    // Past the limit, the form shows the reason beside its file field.
    if (admitted.response.status === 413) return resultResponse({ ...invalidInput({ file: [mediaMessages.tooLarge] }), code: "too_large" });
    return admitted.response;
  }
  if (!admitted.form) return resultResponse(invalidInput({ file: [mediaMessages.missing] }));
  return resultResponse(await uploadMediaAction(Object.fromEntries(admitted.form)));
}

/**
 * GET /api/media?q=harbour&page=2
 * One page of the library, newest first, for the picker: `{ ok: true, items, q, page, pageCount, total }`.
 */
export async function GET(request: Request) {
  const { searchParams } = new URL(request.url);
  return resultResponse(await listLibraryAction(Object.fromEntries(searchParams)));
}
