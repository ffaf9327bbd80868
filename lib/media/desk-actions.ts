/**
 * The media library's mutations and reads as thin steps: parse with zod, find the actor, call the
 * command, turn refusals into results. The upload route (app/api/media/route.ts) and the desk's
 * server actions (app/desk/media/actions.ts) call these, so every way in meets the same checks.
 */
import "server-only";
import { requireActor } from "@/lib/auth/session";
import { now } from "@/lib/time/clock";
import { attempt, fieldErrorsOf, invalidInput, type ActionResult } from "@/lib/desk-results";
import { uploadMedia } from "./commands/upload-media";
import { updateMediaDetails } from "./commands/update-media-details";
import { listLibrary } from "./queries";
import { mediaQuerySchema, updateMediaDetailsSchema, uploadMediaSchema } from "./schemas";
import type { LibraryImage, LibraryPage } from "./types";

/** `raw` is the upload's form fields: `file` (a File), `alt`, `caption`, `credit`. */
export async function runUploadMedia(raw: unknown): Promise<ActionResult<{ image: LibraryImage }>> {
  const parsed = uploadMediaSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  const { file, ...details } = parsed.data;
  const result = await attempt(async () =>
    uploadMedia({
      file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      details,
      actor: await requireActor(),
      now: now(),
    }),
  );
  // The only input the command can refuse is the file itself: shown beside the file field.
  if (!result.ok && result.code === "invalid_input") return invalidInput({ file: [result.error] });
  return result;
}

export async function runUpdateMediaDetails(raw: unknown): Promise<ActionResult<{ image: LibraryImage }>> {
  const parsed = updateMediaDetailsSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () => updateMediaDetails({ input: parsed.data, actor: await requireActor() }));
}

/** `raw` is a query string's values: `q`, `page`. */
export async function runListLibrary(raw: unknown): Promise<ActionResult<LibraryPage>> {
  const query = mediaQuerySchema.parse(raw);
  return attempt(async () => {
    const { items, window } = await listLibrary(await requireActor(), query);
    return { items, q: query.q, page: window.page, pageCount: window.pageCount, total: window.total };
  });
}
