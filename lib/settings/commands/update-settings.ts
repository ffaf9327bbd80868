/**
 * An admin changes the newspaper's name and time zone, and whether reporters need a second factor
 * (lib/auth/second-factor-rules.ts). There is one settings row (id 1); it is
 * created if a database somehow lacks it. The desk reads it per request (lib/settings.ts); the
 * public pages show it from their cache, which is refreshed here. A save that changes something
 * writes one audit entry with the before and after, in the same transaction.
 */
import "server-only";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { noClient, type AuditContext } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import { refreshPublicPages } from "@/lib/public-cache";
import { describeSettingsChange } from "../changes";
import type { NewsroomSettingsInput } from "../schemas";

export async function updateSettings({
  input,
  actor,
  context = noClient,
}: {
  input: NewsroomSettingsInput;
  actor: Actor;
  context?: AuditContext;
}) {
  requirePermission(actor, "manage:settings");
  const row = await db.$transaction(async (tx) => {
    const before = await tx.settings.findUnique({ where: { id: 1 } });
    const after = await tx.settings.upsert({
      where: { id: 1 },
      update: input,
      create: { id: 1, ...input },
    });
    const change = describeSettingsChange(before, after, Object.keys(input));
    if (change) {
      await recordAudit(tx, {
        kind: "settings_changed",
        actorId: actor.id,
        address: context.address,
        subject: "settings",
        summary: change.summary,
        detail: { before: change.before, after: change.after },
      });
    }
    return after;
  });
  await refreshPublicPages({ everything: true });
  return { newspaperName: row.newspaperName, timeZone: row.timeZone, requireSecondFactorForReporters: row.requireSecondFactorForReporters };
}
