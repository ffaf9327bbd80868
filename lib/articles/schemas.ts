/**
 * The contract between the desk's forms and the server: field schemas composed into input schemas.
 * No server imports and no I/O, so forms can load this module too.
 */
import { z } from "zod";
import { articleKinds } from "./kinds";
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

export const bodySchema = z
  .string()
  .max(200_000, { error: "The body is too long (200,000 characters at most)." })
  .refine((body) => body.trim().length > 0, { error: "Write the story." });

export const kindSchema = z.enum(articleKinds, { error: "Choose what kind of piece this is." });

export const sectionIdSchema = z.string().trim().min(1, { error: "Choose a section." });

export const articleFieldsSchema = z.object({
  headline: headlineSchema,
  dateline: datelineSchema,
  standfirst: standfirstSchema.default(""),
  sectionId: sectionIdSchema,
  kind: kindSchema,
  body: bodySchema,
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
