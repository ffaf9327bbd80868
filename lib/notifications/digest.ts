/**
 * When a notification's email goes: at once, or gathered into an hourly or daily digest. Pure,
 * with the clock passed in. Emails in one digest share its key, so the outbox sends them as one
 * message when it falls due.
 */
import { TZDate } from "@date-fns/tz";
import type { DigestRhythm } from "./kinds";

/** The local hour at which the daily digest goes, in the newsroom's time zone. */
export const dailyDigestHour = 8;

export type DigestSlot = { digest: string; sendAt: Date };

export function digestSlot(rhythm: DigestRhythm, now: Date, timeZone: string): DigestSlot {
  if (rhythm === "immediately") return { digest: "", sendAt: now };
  const sendAt = rhythm === "hourly" ? nextHour(now) : nextDailyHour(now, timeZone);
  return { digest: `${rhythm}:${sendAt.toISOString()}`, sendAt };
}

function nextHour(now: Date): Date {
  const hourMs = 3_600_000;
  return new Date((Math.floor(now.getTime() / hourMs) + 1) * hourMs);
}

function nextDailyHour(now: Date, timeZone: string): Date {
  const local = new TZDate(now.getTime(), timeZone);
  const today = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), dailyDigestHour, 0, 0, timeZone);
  if (today.getTime() > now.getTime()) return new Date(today.getTime());
  const tomorrow = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, dailyDigestHour, 0, 0, timeZone);
  return new Date(tomorrow.getTime());
}
