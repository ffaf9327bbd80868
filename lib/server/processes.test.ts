import { describe, expect, it } from "vitest";
import { parseProcessCount, processesRefusal } from "./processes";

describe("the number of server processes", () => {
  it("is one unless asked, and a whole number from 1 to 64 when asked", () => {
    expect(parseProcessCount(undefined)).toEqual({ ok: true, count: 1 });
    expect(parseProcessCount("")).toEqual({ ok: true, count: 1 });
    expect(parseProcessCount("4")).toEqual({ ok: true, count: 4 });
    for (const bad of ["0", "-2", "2.5", "many", "65"]) {
      const parsed = parseProcessCount(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain(`"${bad}"`);
    }
  });

  it("needs PostgreSQL above one process", () => {
    expect(processesRefusal(1, "sqlite")).toBeNull();
    expect(processesRefusal(3, "postgresql")).toBeNull();
    expect(processesRefusal(2, "sqlite")).toMatch(/need PostgreSQL/);
  });
});
