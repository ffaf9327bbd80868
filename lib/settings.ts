/**
 * The newsroom's settings (newspaper name, time zone), read by the public pages and the desk, and
 * the desk's security settings (whether reporters need a second factor), read by the desk only.
 * Every read goes through `readSettings`; changing them: lib/settings/ (schemas, the update
 * command) and the sections in lib/sections/.
 */
import "server-only";
import { cache } from "react";
import { db, type Tx } from "@/lib/db";
import { booleanOf, type StoredBoolean } from "@/lib/raw-values";

export type NewsroomSettings = { newspaperName: string; timeZone: string };
export type SecuritySettings = { requireSecondFactorForReporters: boolean };
export type Settings = NewsroomSettings & SecuritySettings;

export const defaultSettings: NewsroomSettings = { newspaperName: "The Harbour Gazette", timeZone: "UTC" };

/**
 * The settings as stored, or the defaults while no admin has saved any. Takes a transaction's
 * client where the answer must hold for the rest of the transaction, and always a client: inside a
 * transaction the top-level one would wait for that transaction to end (lib/sqlite/adapter.ts).
 */
export async function readSettings(client: Tx): Promise<Settings> {
  // A plain statement: read in every publication and every API request (lib/raw-values.ts).
  const [row] = await client.$queryRaw<{ newspaperName: string; timeZone: string; requireSecondFactorForReporters: StoredBoolean }[]>`
    SELECT "newspaperName", "timeZone", "requireSecondFactorForReporters" FROM "Settings" WHERE "id" = 1`;
  return {
    newspaperName: row?.newspaperName ?? defaultSettings.newspaperName,
    timeZone: row?.timeZone ?? defaultSettings.timeZone,
    requireSecondFactorForReporters: row ? booleanOf(row.requireSecondFactorForReporters) : false,
  };
}

/** One read per request however many components ask. */
const readSettingsOnce = cache(() => readSettings(db));

export async function getSettings(): Promise<NewsroomSettings> {
  const { newspaperName, timeZone } = await readSettingsOnce();
  return { newspaperName, timeZone };
}

export async function getSecuritySettings(): Promise<SecuritySettings> {
  const { requireSecondFactorForReporters } = await readSettingsOnce();
  return { requireSecondFactorForReporters };
}
