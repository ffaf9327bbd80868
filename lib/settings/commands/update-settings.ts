/**
 * An admin changes the newspaper's name and time zone, and whether reporters need a second factor
 * (lib/auth/second-factor-rules.ts). There is one settings row (id 1); it is
 * created if a database somehow lacks it. The desk reads it per request (lib/settings.ts); the
 * public pages show it from their cache, which is refreshed here.
 */
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { refreshPublicPages } from "@/lib/public-cache";
import { requireSettingsManager } from "../guard";
import type { NewsroomSettingsInput } from "../schemas";

export async function updateSettings({ input, actor }: { input: NewsroomSettingsInput; actor: Actor }) {
  requireSettingsManager(actor);
  const row = await db.settings.upsert({
    where: { id: 1 },
    update: input,
    create: { id: 1, ...input },
  });
  await refreshPublicPages({ everything: true });
  return { newspaperName: row.newspaperName, timeZone: row.timeZone, requireSecondFactorForReporters: row.requireSecondFactorForReporters };
}
