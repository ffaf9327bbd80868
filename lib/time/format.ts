/**
 * How a moment is shown: always in a named time zone (the newsroom's, from the settings), never
 * the server's, in the house's English forms ("24 Feb, 2025", "October 11th, 2017").
 *
 * Intl only finds the calendar day in the zone; the month names are ours. Its en-GB short month
 * is "Sept" for September (and its names may change with the ICU data a runtime ships), while the
 * house style abbreviates every month to its first three letters.
 */
const monthNames = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

const forms = {
  day: { day: "numeric", month: "numeric", year: "numeric" },
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  offset: { timeZoneName: "longOffset" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
type Form = keyof typeof forms;

/**
 * One formatter per zone and form, kept: making one costs far more than using it (a search
 * result page's twenty dates spent 12 % of its render making formatters).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, form: Form): Intl.DateTimeFormat {
  const key = `${form} ${timeZone}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat("en-GB", { timeZone, ...forms[form] });
    // Zones come from the settings: a handful. The bound is against anything else.
    if (formatters.size >= 1_000) formatters.clear();
    formatters.set(key, made);
  }
  return made;
}

function parts(date: Date, timeZone: string, form: Form) {
  const formatted = formatter(timeZone, form).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => formatted.find((part) => part.type === type)?.value ?? "";
  return { day: get("day"), month: get("month"), year: get("year"), hour: get("hour"), minute: get("minute") };
}

/** The calendar day `date` falls on in `timeZone`, with the month's full English name. */
function calendarDay(date: Date, timeZone: string) {
  const { day, month, year } = parts(date, timeZone, "day");
  return { day: Number(day), month: monthNames[Number(month) - 1]!, year };
}

/** "24 Feb, 2025": the short date of lists and stamps. */
export function formatShortDate(date: Date, timeZone: string): string {
  const { day, month, year } = calendarDay(date, timeZone);
  return `${day} ${month.slice(0, 3)}, ${year}`;
}

/** "24 Feb, 2025 14:05": the short date with the time, for the desk. */
export function formatDateTime(date: Date, timeZone: string): string {
  const { hour, minute } = parts(date, timeZone, "time");
  return `${formatShortDate(date, timeZone)} ${hour}:${minute}`;
}

export function ordinal(day: number): string {
  const lastTwo = day % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${day}th`;
  return `${day}${{ 1: "st", 2: "nd", 3: "rd" }[day % 10] ?? "th"}`;
}

/** "October 11th, 2017": the print line's long date. */
export function formatLongDate(date: Date, timeZone: string): string {
  const { day, month, year } = calendarDay(date, timeZone);
  return `${month} ${ordinal(day)}, ${year}`;
}

/** "UTC+01:00": the zone's offset from UTC at `date`, so a time that occurs twice is unambiguous. */
export function utcOffset(date: Date, timeZone: string): string {
  const name = formatter(timeZone, "offset")
    .formatToParts(date)
    .find((part) => part.type === "timeZoneName")?.value;
  return !name || name === "GMT" ? "UTC+00:00" : name.replace("GMT", "UTC");
}

/** "25 Oct, 2026 01:30 (Europe/London, UTC+01:00)": a moment for the desk's history, unambiguous. */
export function formatZonedMoment(date: Date, timeZone: string): string {
  return `${formatDateTime(date, timeZone)} (${timeZone}, ${utcOffset(date, timeZone)})`;
}
