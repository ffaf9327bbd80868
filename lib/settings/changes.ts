/**
 * What a settings save changed, for the audit log: the fields that differ, before and after, and
 * one readable line. Pure; lib/settings/commands/update-settings.ts calls it inside its transaction.
 */
const settingNames: Record<string, string> = {
  newspaperName: "the newspaper's name",
  timeZone: "the time zone",
  requireSecondFactorForReporters: "the second-factor requirement for reporters",
};

type Values = Record<string, unknown>;

export type SettingsChange = { before: Values; after: Values; summary: string } | null;

/** Null when nothing in `fields` changed; `before` is null when the row did not exist yet. */
export function describeSettingsChange(before: Values | null, after: Values, fields: readonly string[]): SettingsChange {
  const changed = fields.filter((field) => !before || before[field] !== after[field]);
  if (changed.length === 0) return null;
  const pick = (values: Values | null) => Object.fromEntries(changed.map((field) => [field, values?.[field] ?? null]));
  const phrases = changed.map((field) => {
    const name = settingNames[field] ?? field;
    return before ? `${name} from ${shown(before[field])} to ${shown(after[field])}` : `${name} to ${shown(after[field])}`;
  });
  return { before: pick(before), after: pick(after), summary: `Changed ${phrases.join("; ")}` };
}

function shown(value: unknown): string {
  if (typeof value === "boolean") return value ? "on" : "off";
  return `"${String(value)}"`;
}
