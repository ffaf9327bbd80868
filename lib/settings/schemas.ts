/** The contract between the newspaper settings form and the server. No server imports, no I/O. */
import { z } from "zod";
import { isValidTimeZone } from "@/lib/time/zones";

export const newspaperNameSchema = z
  .string()
  .trim()
  .min(1, { error: "Give the newspaper's name." })
  .max(80, { error: "Keep the newspaper's name to 80 characters or fewer." });

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, { error: "Choose a time zone." })
  .refine(isValidTimeZone, { error: "Choose a time zone from the list." });

export const newsroomSettingsSchema = z.object({
  newspaperName: newspaperNameSchema,
  timeZone: timeZoneSchema,
  /** Editors and admins always need a second factor; this asks it of reporters too. */
  requireSecondFactorForReporters: z.boolean({ error: "Say whether reporters need a second factor." }),
});
export type NewsroomSettingsInput = z.infer<typeof newsroomSettingsSchema>;
