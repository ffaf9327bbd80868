/** The contract between the sections list on the settings screen and the server. No server imports. */
import { z } from "zod";
import { isReservedTopLevelPath } from "@/lib/site-paths";
import { reservedPathProblem, sectionSlugFor } from "./rules";

export const sectionNameSchema = z
  .string()
  .trim()
  .min(1, { error: "Give the section a name." })
  .max(40, { error: "Keep the section name under 40 characters." });

const sectionIdSchema = z.string().trim().min(1, { error: "Say which section." });

/**
 * A new section's name makes its address once, so a name whose address is one of the site's own
 * pages (“Media”, “Search”, “Desk”) is refused here, beside the name field, before anything is
 * written. The command checks again, with the sections already there.
 */
export const addSectionSchema = z.object({
  name: sectionNameSchema.superRefine((name, ctx) => {
    const slug = sectionSlugFor(name);
    if (slug && isReservedTopLevelPath(slug)) ctx.addIssue({ code: "custom", message: reservedPathProblem(slug) });
  }),
});
export type AddSectionInput = z.infer<typeof addSectionSchema>;

export const renameSectionSchema = z.object({ sectionId: sectionIdSchema, name: sectionNameSchema });
export type RenameSectionInput = z.infer<typeof renameSectionSchema>;

export const moveSectionSchema = z.object({
  sectionId: sectionIdSchema,
  direction: z.enum(["up", "down"], { error: "Move a section up or down." }),
});
export type MoveSectionInput = z.infer<typeof moveSectionSchema>;

export const sectionRefSchema = z.object({ sectionId: sectionIdSchema });
export type SectionRef = z.infer<typeof sectionRefSchema>;
