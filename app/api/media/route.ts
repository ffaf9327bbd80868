import { requireActor } from "@/lib/auth/session";
import { attempt, invalidInput } from "@/lib/desk-results";
import { formDataUpTo, resultResponse } from "@/lib/http";
import { runListLibrary, runUploadMedia } from "@/lib/media/desk-actions";
import { maxImageBytes, mediaMessages } from "@/lib/media/rules";

// The image plus the form's boundaries and its three short text fields.
const maxUploadRequestBytes = maxImageBytes + 64 * 1024;

/**
 * POST /api/media  multipart/form-data: `file`, `alt`, `caption`, `credit`
 * Adds an image to the library: `{ ok: true, image }`, or `{ ok: false, error, fieldErrors }` with
 * 422 (a bad file is refused beside the `file` field), 413 past the size limit, 401 signed out.
 * Not a server action: those stop at 1 MB, and an image is larger.
 */
export async function POST(request: Request) {
  // Who is asking comes first: a signed-out request is refused before its body is read.
  const signedIn = await attempt(async () => ({ actor: await requireActor() }));
  if (!signedIn.ok) return resultResponse(signedIn);
  const form = await formDataUpTo(request, maxUploadRequestBytes);
  if (form === "too_large") return resultResponse({ ...invalidInput({ file: [mediaMessages.tooLarge] }), code: "too_large" });
  if (!form) return resultResponse(invalidInput({ file: [mediaMessages.missing] }));
  return resultResponse(await runUploadMedia(Object.fromEntries(form)));
}

/**
 * GET /api/media?q=harbour&page=2
 * One page of the library, newest first, for the picker: `{ ok: true, items, q, page, pageCount, total }`.
 */
export async function GET(request: Request) {
  const { searchParams } = new URL(request.url);
  return resultResponse(await runListLibrary(Object.fromEntries(searchParams)));
}
