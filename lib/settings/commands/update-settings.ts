/**
 * An admin changes the newspaper's name and time zone. There is one settings row (id 1); it is
 * created if a database somehow lacks it. Every page reads it per request (lib/settings.ts).
 */
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { requireSettingsManager } from "../guard";
import type { NewsroomSettingsInput } from "../schemas";

export async function updateSettings({ input, actor }: { input: NewsroomSettingsInput; actor: Actor }) {
  requireSettingsManager(actor);
  const row = await db.settings.upsert({
    where: { id: 1 },
    update: { newspaperName: input.newspaperName, timeZone: input.timeZone },
    create: { id: 1, newspaperName: input.newspaperName, timeZone: input.timeZone },
  });
  return { newspaperName: row.newspaperName, timeZone: row.timeZone };
}
