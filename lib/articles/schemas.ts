/**
 * The contract between the desk's forms and the server: field schemas composed into input schemas.
 * No server imports and no I/O, so forms can load this module too.
 */
import { z } from "zod";
import type { JSONContent } from "@tiptap/core";
import type { FieldErrors } from "@/lib/desk-results";
import { getBodySchema, isLibraryImageClaim, isStructuredBody, serializeBody } from "@/lib/render/document";
import { badEmbedMessage, embedFromUrl } from "@/lib/render/embeds";
import { isSafeHref, unsafeLinkMessage } from "@/lib/render/links";
import { articleKinds } from "./kinds";
import { slugFromHeadline } from "@/lib/text/slug";
import { workflowActions, type WorkflowAction } from "./workflow";

/*
 * Article fields as a draft may hold them: every one may be empty (a draft saves with a headline
 * or a few words of the story), but what is there must be well formed. Completeness (a headline, a
 * dateline where the kind needs one, a byline…) is a workflow rule: lib/articles/completeness.ts.
 */
export const headlineSchema = z.string().trim().max(200, { error: "Keep the headline under 200 characters." });

export const datelineSchema = z.string().trim().max(60, { error: "Keep the dateline under 60 characters." });

export const standfirstSchema = z.string().trim().max(400, { error: "Keep the standfirst under 400 characters." });

export const maxBodyLength = 400_000;

/** Said of an image that is not the library's: its addresses are rebuilt from the library, never taken. */
export const libraryImagesOnly = "Images must come from the media library: insert them with the Image button.";

export const unreadableBody = "The body could not be read. Copy your text, reload the page and paste it back.";

/**
 * The body as a draft save takes it: the editor's document as JSON (or plain text from older
 * clients). An unsafe link, a bad embed or an image from outside the library does not stop the
 * words being saved: the link's text stays without the link, the embed or image is left out, and
 * `problems` says why, beside the body. Only an unreadable or over-long body is not taken at all.
 */
export function readDraftBody(value: unknown): { body?: string; problems: string[] } {
  if (typeof value !== "string") return { problems: [unreadableBody] };
  if (value.length > maxBodyLength) return { problems: ["The body is too long."] };
  if (!isStructuredBody(value)) return { body: value, problems: [] };
  let json: JSONContent;
  try {
    json = JSON.parse(value) as JSONContent;
    getBodySchema().nodeFromJSON(json).check();
  } catch {
    return { problems: [unreadableBody] };
  }
  const problems = new Set<string>();
  const clean = (node: JSONContent): JSONContent | null => {
    if (node.type === "embed" && !embedFromUrl(String(node.attrs?.url ?? ""))) return problems.add(badEmbedMessage), null;
    if (node.type === "bodyImage" && !isLibraryImageClaim(imageClaimOf(node))) return problems.add(libraryImagesOnly), null;
    const marks = node.marks?.filter((mark) => mark.type !== "link" || isSafeHref(String(mark.attrs?.href ?? "")));
    if (marks && marks.length !== node.marks?.length) problems.add(unsafeLinkMessage);
    const content = node.content?.map(clean).filter((child): child is JSONContent => child !== null);
    // A block left empty by a removed image or embed still needs a paragraph to be a valid document.
    const kept = content && content.length === 0 && node.content!.length > 0 ? [{ type: "paragraph" }] : content;
    return { ...node, ...(marks ? { marks } : {}), ...(kept ? { content: kept } : {}) };
  };
  const cleaned = clean(json);
  return problems.size ? { body: serializeBody(cleaned ?? { type: "doc", content: [{ type: "paragraph" }] }), problems: [...problems] } : { body: value, problems: [] };
}

function imageClaimOf(node: JSONContent) {
  const { mediaId, src, srcset } = node.attrs ?? {};
  return { mediaId: typeof mediaId === "string" ? mediaId : "", src: String(src ?? ""), srcset: String(srcset ?? "") };
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

/** Each field the article form sends, checked on its own so that one bad field never stops the rest. */
const draftFieldSchemas = {
  headline: headlineSchema,
  dateline: datelineSchema,
  standfirst: standfirstSchema,
  sectionId: sectionIdSchema,
  kind: kindSchema,
  slug: slugSchema,
  seoTitle: seoTitleSchema,
  seoDescription: seoDescriptionSchema,
  writerBio: writerBioSchema,
  tags: tagsSchema,
  bylineIds: bylineIdsSchema,
  featuredImage: featuredImageSchema.nullable(),
};
type DraftFieldName = keyof typeof draftFieldSchemas;

/**
 * What a save may carry. Every field may be left out (older clients, API callers, or a field that
 * was not well formed): left out, it keeps what the article has; for a new article it starts empty
 * (the byline: the writer; the kind: news; the section: the first).
 */
export type DraftFields = { [K in DraftFieldName]?: z.output<(typeof draftFieldSchemas)[K]> } & { body?: string };

/**
 * Reads the article form's fields one by one: the well-formed ones, and a message for each field
 * that is not (which is then left out, so the rest still saves).
 */
export function readDraftFields(raw: unknown): { fields: DraftFields; fieldErrors: FieldErrors } {
  const input = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  const fieldErrors: FieldErrors = {};
  for (const name of Object.keys(draftFieldSchemas) as DraftFieldName[]) {
    if (input[name] === undefined) continue;
    const parsed = draftFieldSchemas[name].safeParse(input[name]);
    if (parsed.success) fields[name] = parsed.data;
    else fieldErrors[name] = [...new Set(parsed.error.issues.map((issue) => issue.message))];
  }
  if (input.body !== undefined) {
    const { body, problems } = readDraftBody(input.body);
    if (body !== undefined) fields.body = body;
    if (problems.length) fieldErrors.body = problems;
  }
  return { fields: fields as DraftFields, fieldErrors };
}

/** A new article, perhaps written for an assignment (the command checks it is the writer's to start). */
export const createArticleSchema = z.object({
  assignmentId: z.string().trim().min(1).max(64).optional(),
});

/** A save of an existing article names the version it started from, so a stale save is refused. */
export const saveArticleSchema = z.object({
  articleId: z.string().min(1),
  baseVersion: z.coerce.number().int().positive(),
});
export type SaveArticleInput = z.infer<typeof saveArticleSchema> & DraftFields;

/**
 * The article form's requests as the server reads them: the envelope must be right, and each
 * draft field is read on its own (readDraftFields), so one bad field never stops the rest.
 */
export const createArticleRequestSchema = createArticleSchema
  .loose()
  .transform(({ assignmentId, ...fields }) => ({ assignmentId, draft: readDraftFields(fields) }));
export const saveArticleRequestSchema = saveArticleSchema
  .loose()
  .transform(({ articleId, baseVersion, ...fields }) => ({ articleId, baseVersion, draft: readDraftFields(fields) }));

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
    action: z.enum(workflowActions as [WorkflowAction, ...WorkflowAction[]], { error: "Unknown action." }),
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
