/**
 * The contract between the media forms and the server: an image's alt text, caption and credit,
 * an upload, an edit and a library search. No server imports and no I/O, so forms load it too.
 * The file itself is checked here only for presence and size; whether it is an image is decided by
 * its bytes, on the server (lib/media/images.ts).
 */
import { z } from "zod";
import { pageNumberParam, queryValue } from "@/lib/paging";
import { maxImageBytes, mediaMessages } from "./rules";

export const altSchema = z
  .string({ error: "Describe the image for readers who cannot see it." })
  .trim()
  .min(1, { error: "Describe the image for readers who cannot see it." })
  .max(250, { error: "Keep the alt text under 250 characters." });

export const captionSchema = z.string().trim().max(1000, { error: "Keep the caption under 1,000 characters." });

export const creditSchema = z.string().trim().max(200, { error: "Keep the credit under 200 characters." });

export const mediaDetailsSchema = z.object({
  alt: altSchema,
  caption: captionSchema.default(""),
  credit: creditSchema.default(""),
});
export type MediaDetails = z.infer<typeof mediaDetailsSchema>;

export const mediaFileSchema = z
  .file({ error: mediaMessages.missing })
  .min(1, { error: mediaMessages.empty })
  .max(maxImageBytes, { error: mediaMessages.tooLarge });

// A form sent with no file chosen carries an empty, nameless one: that is a missing file, not an empty one.
const noFileChosen = (value: unknown) =>
  typeof File !== "undefined" && value instanceof File && value.size === 0 && value.name === "" ? undefined : value;

/** A multipart upload: the file and its details (form fields `file`, `alt`, `caption`, `credit`). */
export const uploadMediaSchema = mediaDetailsSchema.extend({ file: z.preprocess(noFileChosen, mediaFileSchema) });
export type UploadMediaInput = z.infer<typeof uploadMediaSchema>;

export const updateMediaDetailsSchema = mediaDetailsSchema.extend({
  id: z.string().trim().min(1, { error: "Say which image." }).max(64),
});
export type UpdateMediaDetailsInput = z.infer<typeof updateMediaDetailsSchema>;

export const mediaPageSize = 24;

/** `?q=&page=` from a URL. A hand-edited query never fails: anything unreadable falls back. */
export const mediaQuerySchema = z.object({
  q: z.preprocess(queryValue, z.string().max(200)).catch(""),
  page: pageNumberParam,
});
export type MediaQuery = z.infer<typeof mediaQuerySchema>;
