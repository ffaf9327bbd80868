"use server";
/**
 * The media library's actions (lib/server/desk-action.ts). Edits of an image's words are small and
 * come as server actions; uploads and the picker's pages go through /api/media (server actions stop
 * at 1 MB, and an image is larger), which calls the same functions.
 */
import "server-only";
import { invalidInput } from "@/lib/desk-results";
import { deskAction } from "@/lib/server/desk-action";
import { uploadMedia } from "./commands/upload-media";
import { updateMediaDetails } from "./commands/update-media-details";
import { listLibrary } from "./queries";
import { mediaQuerySchema, updateMediaDetailsSchema, uploadMediaSchema } from "./schemas";

/** The upload's form fields: `file` (a File), `alt`, `caption`, `credit`. */
export const uploadMediaAction = deskAction(
  {
    input: uploadMediaSchema,
    needs: "upload:media",
    refreshes: () => ["/desk/media"],
    // The only input the command can refuse is the file itself: shown beside the file field.
    refused: (failure) => (failure.code === "invalid_input" ? invalidInput({ file: [failure.error] }) : failure),
  },
  async ({ file, ...details }, { actor, now }) =>
    uploadMedia({ file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, details, actor, now }),
);

export const updateMediaDetailsAction = deskAction(
  { input: updateMediaDetailsSchema, needs: "edit:media:own", refreshes: () => ["/desk/media"] },
  (input, { actor }) => updateMediaDetails({ input, actor }),
);

/** A query string's values, `q` and `page`: one page of the library, newest first. */
export const listLibraryAction = deskAction({ input: mediaQuerySchema, needs: "browse:media" }, async (query, { actor }) => {
  const { items, window } = await listLibrary(actor, query);
  return { items, q: query.q, page: window.page, pageCount: window.pageCount, total: window.total };
});
