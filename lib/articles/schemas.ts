/**
 * The contract between the desk's forms and the server: field schemas composed into input schemas.
 * No server imports and no I/O, so forms can load this module too.
 */
import { z } from "zod";
import { getBodySchema, collectAddresses, isStructuredBody, bodyPlainText, isLibraryImageClaim } from "@/lib/render/document";
import { badEmbedMessage, embedFromUrl } from "@/lib/render/embeds";
import { isSafeHref, unsafeLinkMessage } from "@/lib/render/links";
import { articleKinds } from "./kinds";
import { slugFromHeadline } from "./slug";
import { workflowActions } from "./workflow";

export const headlineSchema = z
  .string()
  .trim()
  .min(1, { error: "Write a headline." })
  .max(200, { error: "Keep the headline under 200 characters." });

export const datelineSchema = z
  .string()
  .trim()
  .min(1, { error: "Give a dateline, e.g. KARACHI." })
  .max(60, { error: "Keep the dateline under 60 characters." });

export const standfirstSchema = z.string().trim().max(400, { error: "Keep the standfirst under 400 characters." });

/**
 * The body: the editor's document as JSON (or plain text from older clients). It must be the
 * editor's own structure, say something, and carry only safe link, embed and image addresses.
 */
export const bodySchema = z
  .string()
  .max(400_000, { error: "The body is too long." })
  .superRefine((body, context) => {
    const problem = bodyProblem(body);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

/** Said of an image that is not the library's: its addresses are rebuilt from the library, never taken. */
export const libraryImagesOnly = "Images must come from the media library: insert them with the Image button.";

function bodyProblem(body: string): string | null {
  if (!isStructuredBody(body)) return body.trim() ? null : "Write the story.";
  let json: unknown;
  try {
    json = JSON.parse(body);
    getBodySchema().nodeFromJSON(json).check();
  } catch {
    return "The body could not be read. Copy your text, reload the page and paste it back.";
  }
  const doc = json as Parameters<typeof collectAddresses>[0];
  const { links, embeds, images } = collectAddresses(doc);
  if (links.some((href) => !isSafeHref(href))) return unsafeLinkMessage;
  if (embeds.some((url) => !embedFromUrl(url))) return badEmbedMessage;
  if (!images.every(isLibraryImageClaim)) return libraryImagesOnly;
  if (!bodyPlainText(doc).trim() && images.length === 0 && embeds.length === 0) return "Write the story.";
  return null;
}

export const kindSchema = z.enum(articleKinds, { error: "Choose what kind of piece this is." });

export const sectionIdSchema = z.string().trim().min(1, { error: "Choose a section." });

/** The address: typed or left empty to follow the headline; normalized to lower-case-with-hyphens. */
export const slugSchema = z
  .string()
  .trim()
  .max(80, { error: "Keep the address under 80 characters." })
  .transform((value) => (value ? slugFromHeadline(value) : ""));

export const seoTitleSchema = z.string().trim().max(110, { error: "Keep the search title under 110 characters." });
export const seoDescriptionSchema = z.string().trim().max(300, { error: "Keep the search description under 300 characters." });
export const writerBioSchema = z.string().trim().max(300, { error: "Keep the writer's note under 300 characters." });

export const tagsSchema = z
  .array(z.string().trim().min(1).max(40, { error: "Keep each tag under 40 characters." }))
  .max(12, { error: "Twelve tags at most." })
  .transform((tags) => [...new Map(tags.map((tag) => [tag.toLowerCase(), tag])).values()]);

export const bylineIdsSchema = z
  .array(z.string().min(1).max(64))
  .max(8, { error: "Eight authors at most." })
  .transform((ids) => [...new Set(ids)]);

export const featuredImageSchema = z.object({
  id: z.string().min(1).max(64),
  alt: z
    .string()
    .trim()
    .min(1, { error: "Describe the image for readers who cannot see it." })
    .max(300, { error: "Keep the alt text under 300 characters." }),
  caption: z.string().trim().max(300, { error: "Keep the caption under 300 characters." }).default(""),
  credit: z.string().trim().max(120, { error: "Keep the credit under 120 characters." }).default(""),
});
export type FeaturedImageInput = z.infer<typeof featuredImageSchema>;

/**
 * Everything the article form sends. The fields after `body` may be left out by older clients or
 * API callers: left out, they keep what the article has (or, for a new article, the writer's byline).
 */
export const articleFieldsSchema = z.object({
  headline: headlineSchema,
  dateline: datelineSchema,
  standfirst: standfirstSchema.default(""),
  sectionId: sectionIdSchema,
  kind: kindSchema,
  body: bodySchema,
  slug: slugSchema.optional(),
  seoTitle: seoTitleSchema.optional(),
  seoDescription: seoDescriptionSchema.optional(),
  writerBio: writerBioSchema.optional(),
  tags: tagsSchema.optional(),
  bylineIds: bylineIdsSchema.optional(),
  featuredImage: featuredImageSchema.nullable().optional(),
});
export type ArticleFields = z.infer<typeof articleFieldsSchema>;

/** A new article, perhaps written for an assignment (the command checks it is the writer's to start). */
export const createArticleSchema = articleFieldsSchema.extend({
  assignmentId: z.string().trim().min(1).max(64).optional(),
});
export type CreateArticleInput = z.infer<typeof createArticleSchema>;

/** A save of an existing article names the version it started from, so a stale save is refused. */
export const saveArticleSchema = articleFieldsSchema.extend({
  articleId: z.string().min(1),
  baseVersion: z.coerce.number().int().positive(),
});
export type SaveArticleInput = z.infer<typeof saveArticleSchema>;

/** Restoring an older revision names the version the user was looking at, like a save. */
export const restoreRevisionSchema = z.object({
  articleId: z.string().min(1),
  revisionNumber: z.coerce.number().int().positive(),
  baseVersion: z.coerce.number().int().positive(),
});
export type RestoreRevisionInput = z.infer<typeof restoreRevisionSchema>;

/** The compare screen's query (?from=2&to=5); anything unreadable is ignored, not an error. */
export const revisionComparisonSchema = z.object({
  from: z.coerce.number().int().positive().optional().catch(undefined),
  to: z.coerce.number().int().positive().optional().catch(undefined),
});

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

export const correctionKinds = ["correction", "clarification"] as const;
export type CorrectionKind = (typeof correctionKinds)[number];

export const workflowInputSchema = z
  .object({
    articleId: z.string().min(1),
    action: z.enum(workflowActions as [string, ...string[]], { error: "Unknown action." }),
    note: z.string().trim().max(2000, { error: "Keep the note under 2,000 characters." }).optional(),
    significantUpdate: checkbox.optional().default(false),
    /** For "schedule": a `datetime-local` value in the newsroom's time zone, or an ISO instant. */
    scheduledFor: z.string().trim().max(40).optional(),
    /** For "republish": an optional correction or clarification published with this revision. */
    correctionKind: z.enum(correctionKinds, { error: "Choose correction or clarification." }).optional(),
    correctionText: z.string().trim().max(2000, { error: "Keep the correction under 2,000 characters." }).optional(),
  })
  .superRefine((input, context) => {
    if (input.action === "schedule" && !input.scheduledFor) {
      context.addIssue({ code: "custom", path: ["scheduledFor"], message: "Choose when it goes live." });
    }
    if (input.correctionText && !input.correctionKind) {
      context.addIssue({ code: "custom", path: ["correctionKind"], message: "Choose correction or clarification." });
    }
  });
export type WorkflowInput = z.infer<typeof workflowInputSchema>;

/** An internal note on an article: desk only, never in public output. */
export const addNoteSchema = z.object({
  articleId: z.string().min(1),
  body: z
    .string()
    .trim()
    .min(1, { error: "Write the note." })
    .max(2000, { error: "Keep the note under 2,000 characters." }),
});
export type AddNoteInput = z.infer<typeof addNoteSchema>;

export type { FieldErrors } from "@/lib/desk-results";
