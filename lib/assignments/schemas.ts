/**
 * The contract between the assignment forms and the server. No server imports and no I/O: the
 * deadline stays the text of a `datetime-local` input here; the action reads it in the newsroom's
 * time zone (lib/assignments/rules.ts), which a schema cannot know.
 */
import { z } from "zod";

const emptyAsAbsent = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const briefSchema = z
  .string()
  .trim()
  .min(1, { error: "Say what the story is." })
  .max(300, { error: "Keep the brief under 300 characters." });

export const assigneeIdSchema = z.string({ error: "Choose who writes it." }).trim().min(1, { error: "Choose who writes it." });

export const deadlineInputSchema = z
  .string({ error: "Give a deadline." })
  .trim()
  .min(1, { error: "Give a deadline.", abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: "Give the deadline as a date and time." });

export const createAssignmentSchema = z.object({
  brief: briefSchema,
  notes: z.string().trim().max(4000, { error: "Keep the notes under 4,000 characters." }).default(""),
  sectionId: z.preprocess(emptyAsAbsent, z.string().trim().min(1).optional()),
  assigneeId: assigneeIdSchema,
  deadline: deadlineInputSchema,
});
export type CreateAssignmentInput = z.infer<typeof createAssignmentSchema>;

/** An editor reassigns a story or moves its deadline. */
export const updateAssignmentSchema = z.object({
  assignmentId: z.string().min(1),
  assigneeId: assigneeIdSchema,
  deadline: deadlineInputSchema,
});
export type UpdateAssignmentInput = z.infer<typeof updateAssignmentSchema>;

/** An editor calls off a story nobody has started. */
export const cancelAssignmentSchema = z.object({ assignmentId: z.string().trim().min(1) });
