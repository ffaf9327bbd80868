/** The scheduler's lease (lib/leases.ts) on a real database: one holder at a time, taken over when it lapses. */
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();
const { db } = await import("@/lib/db");
const { claimLease, releaseLease } = await import("@/lib/leases");

afterAll(() => db.$disconnect());

const t0 = new Date("2031-01-01T00:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const lease = (name: string, holder: string, seconds: number) => claimLease(db, { name, holder, now: at(seconds), forMs: 10_000 });

describe("a lease", () => {
  it("is held by one process, renewed by it, and taken over only once it lapses", async () => {
    expect(await lease("job", "a", 0)).toBe(true);
    expect(await lease("job", "b", 1)).toBe(false);
    expect(await lease("job", "a", 5)).toBe(true); // renewed until 15 s
    expect(await lease("job", "b", 12)).toBe(false);
    expect(await lease("job", "b", 15)).toBe(true);
    expect(await lease("job", "a", 16)).toBe(false);
    expect(await db.lease.findUniqueOrThrow({ where: { name: "job" } })).toMatchObject({ holder: "b", expiresAt: at(25) });
  });

  it("goes to the next process at once when its holder lets it go", async () => {
    expect(await lease("handover", "a", 0)).toBe(true);
    await releaseLease(db, { name: "handover", holder: "b", now: at(1) }); // not b's to let go
    expect(await lease("handover", "b", 2)).toBe(false);
    await releaseLease(db, { name: "handover", holder: "a", now: at(3) });
    expect(await lease("handover", "b", 3)).toBe(true);
  });

  it("goes to exactly one of several processes asking for it at the same instant", async () => {
    const holders = ["a", "b", "c", "d", "e"];
    const won = await Promise.all(holders.map((holder) => lease("contested", holder, 0)));
    expect(won.filter(Boolean)).toHaveLength(1);
    const winner = holders[won.indexOf(true)];
    expect((await db.lease.findUniqueOrThrow({ where: { name: "contested" } })).holder).toBe(winner);
  });
});
