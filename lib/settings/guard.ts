/** The permission every settings and sections command checks first, before touching the database. */
import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { DeskError } from "@/lib/errors";

export function requireSettingsManager(actor: Actor): void {
  if (!can(actor, "manage:settings")) throw new DeskError("forbidden", "You may not change the newspaper's settings.");
}
