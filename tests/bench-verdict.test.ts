/**
 * The notifications bench's verdict (scripts/bench-notifications.ts): "met" or "MISSED" only when
 * the noise allows it, never on one lucky or unlucky ratio of medians.
 */
import { describe, expect, it } from "vitest";
import { ratioInterval, verdict } from "../scripts/bench-notifications";

const series = (center: number, spread: number, count = 60) => Array.from({ length: count }, (_, index) => center + ((index * 37) % count) * (spread / count) - spread / 2);

describe("the bench's verdict", () => {
  it("is met only when the whole interval is within 10 %", () => {
    expect(verdict({ low: 0.95, high: 1.08 })).toBe("met");
    expect(verdict({ low: 0.95, high: 1.1 })).toBe("met");
  });

  it("is missed only when the whole interval is beyond 10 %", () => {
    expect(verdict({ low: 1.12, high: 1.3 })).toBe("MISSED");
  });

  it("says the noise does not settle it when the interval straddles the limit", () => {
    expect(verdict({ low: 0.9, high: 1.2 })).toMatch(/^not settled/);
  });
});

describe("ratioInterval", () => {
  it("spans the ratio of the medians, and 1 for two series alike", () => {
    const off = series(300, 200);
    const { low, high } = ratioInterval(off, series(300, 200));
    expect(low).toBeLessThan(1);
    expect(high).toBeGreaterThan(1);
  });

  it("is narrow for steady series, so a real 30 % slowdown is missed and a 2 % one met", () => {
    const off = series(300, 20);
    expect(verdict(ratioInterval(off, series(390, 20)))).toBe("MISSED");
    expect(verdict(ratioInterval(off, series(306, 20)))).toBe("met");
  });

  it("is wide for noisy series, so neither can be claimed", () => {
    expect(verdict(ratioInterval(series(300, 400, 10), series(330, 400, 10)))).toMatch(/^not settled/);
  });

  it("gives one answer for one set of timings", () => {
    const off = series(300, 200);
    const on = series(320, 200);
    expect(ratioInterval(off, on)).toEqual(ratioInterval(off, on));
  });
});
