/**
 * The newsroom's settings (newspaper name, time zone), read by the public pages and the desk, and
 * the desk's security settings (whether reporters need a second factor), read by the desk only.
 * Changing them: lib/settings/ (schemas, the update command) and the sections in lib/sections/.
 */
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

export type NewsroomSettings = { newspaperName: string; timeZone: string };

export const defaultSettings: NewsroomSettings = { newspaperName: "The Harbour Gazette", timeZone: "UTC" };

export const getSettings = cache(async (): Promise<NewsroomSettings> => {
  const row = await db.settings.findUnique({ where: { id: 1 } });
  return row ? { newspaperName: row.newspaperName, timeZone: row.timeZone } : defaultSettings;
});

export type SecuritySettings = { requireSecondFactorForReporters: boolean };

export const getSecuritySettings = cache(async (): Promise<SecuritySettings> => {
  const row = await db.settings.findUnique({ where: { id: 1 }, select: { requireSecondFactorForReporters: true } });
  return { requireSecondFactorForReporters: row?.requireSecondFactorForReporters ?? false };
});
