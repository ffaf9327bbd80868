/** The time zones the settings screen offers: every IANA zone this runtime knows, plus UTC. */
export function timeZoneChoices(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC");
  // A zone saved under another spelling (an alias such as "Asia/Calcutta") stays selectable.
  const extra = current !== "UTC" && !zones.includes(current) ? [current] : [];
  return ["UTC", ...extra, ...zones];
}
