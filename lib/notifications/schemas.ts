/** The contract between the notification forms and the server. No server imports and no I/O. */
import { z } from "zod";
import { channels, digestRhythms, notificationKinds } from "./kinds";

const channelSchema = z.enum(channels, { error: "Choose desk, email, both or neither." });

export const preferencesSchema = z.object({
  channels: z.partialRecord(z.enum(notificationKinds), channelSchema),
  digest: z.enum(digestRhythms, { error: "Choose how often email comes." }),
  /** Editors only: the sections whose submissions reach them; none means every section. */
  sectionIds: z.array(z.string().trim().min(1)).max(200).default([]),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;

export const followArticleSchema = z.object({
  articleId: z.string().trim().min(1),
  following: z.boolean(),
});
export type FollowArticleInput = z.infer<typeof followArticleSchema>;
