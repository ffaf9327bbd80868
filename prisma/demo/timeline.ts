/**
 * When each demo piece was published and updated, relative to the moment the demo is seeded, so the
 * site looks alive whenever it is seeded. A piece says "`daysAgo` days before the seed's day, at
 * `hour` UTC"; its update, `updatedDaysAgo` days before the seed's day, six hours later in the day
 * (23:00 at the latest).
 *
 * Whatever the time of day, every piece keeps: publishedAt < updatedAt <= now, a publication date on
 * the day it asks for (so pieces on different days keep distinct dates), and the content's order.
 * Pure: the seed passes `now`.
 */
const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

/**
 * Times that have not come yet are squeezed, in order, into this last stretch before now. Before
 * this much of the UTC day has passed there is no room for today's pieces: the demo's "today" is
 * then yesterday.
 */
const squeezeMs = hourMs;

export type DemoSchedule = { daysAgo: number; hour: number; updatedDaysAgo?: number };

/** Turns "days before the seed's day, at an hour" into a moment that is never later than `now`. */
export function demoClock(now: Date): (daysAgo: number, hour: number) => Date {
  const nowMs = now.getTime();
  const startOfToday = Math.floor(nowMs / dayMs) * dayMs;
  const seedDay = nowMs - startOfToday >= squeezeMs ? startOfToday : startOfToday - dayMs;
  const endOfSeedDay = seedDay + dayMs;
  const squeezeFrom = nowMs - squeezeMs;
  // Maps (squeezeFrom, endOfSeedDay] onto (squeezeFrom, now]: increasing, so order is kept, and an
  // hour of the seed's day (at most 23:00) lands before now.
  const factor = Math.min(1, squeezeMs / (endOfSeedDay - squeezeFrom));
  return (daysAgo, hour) => {
    const intended = seedDay - daysAgo * dayMs + hour * hourMs;
    return new Date(intended <= squeezeFrom ? intended : Math.floor(squeezeFrom + (intended - squeezeFrom) * factor));
  };
}

/**
 * A piece's publication and (significant) update. The update must come after the publication:
 * `updatedDaysAgo` below `daysAgo`, or the same day with `hour` before 23.
 */
export function demoDates(piece: DemoSchedule, now: Date): { publishedAt: Date; updatedAt: Date | null } {
  const at = demoClock(now);
  const publishedAt = at(piece.daysAgo, piece.hour);
  const updatedAt = piece.updatedDaysAgo === undefined ? null : at(piece.updatedDaysAgo, Math.min(piece.hour + 6, 23));
  return { publishedAt, updatedAt };
}
