import { describe, expect, it } from "vitest";
import { createSemaphore, HashQueueFull } from "./password";

/** Work that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("the password-hashing semaphore", () => {
  it("runs at most its limit at once; the rest wait their turn and then run", async () => {
    const slots = createSemaphore(2, 10);
    const gates = [gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, index) =>
      slots.run(async () => {
        started.push(index);
        await g.opened;
        return index;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(slots.stats()).toEqual({ running: 2, waiting: 1 });
    gates[0]!.open();
    await runs[0];
    await expect.poll(() => started).toEqual([0, 1, 2]);
    expect(slots.stats()).toEqual({ running: 2, waiting: 0 });
    gates[1]!.open();
    gates[2]!.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(slots.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses at once past its bounded queue, and frees the slot when work fails", async () => {
    const slots = createSemaphore(1, 1);
    const g = gate();
    const first = slots.run(() => g.opened);
    const second = slots.run(async () => {
      throw new Error("bcrypt failed");
    });
    await expect(slots.run(async () => "third")).rejects.toBeInstanceOf(HashQueueFull);
    g.open();
    await first;
    await expect(second).rejects.toThrow("bcrypt failed");
    expect(await slots.run(async () => "after")).toBe("after");
    expect(slots.stats()).toEqual({ running: 0, waiting: 0 });
  });
});
