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

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

export const workflowInputSchema = z.object({
  articleId: z.string().min(1),
  action: z.enum(workflowActions as [string, ...string[]], { error: "Unknown action." }),
  note: z.string().trim().max(2000, { error: "Keep the note under 2,000 characters." }).optional(),
  significantUpdate: checkbox.optional().default(false),
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

export type FieldErrors = Partial<Record<string, string[]>>;

/** The first error of each field, shaped for a form. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}
