import { describe, expect, it } from "vitest";
import { canonicalRecoveryCode, newRecoveryCodes, recoveryCodeHash } from "./recovery-codes";

const key = Buffer.alloc(32, 7);

describe("recovery codes", () => {
  it("come ten at a time, readable, all different", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}-[a-km-np-z2-9]{2}$/);
    expect(new Set(codes).size).toBe(10);
  });

  it("are recognised however they are typed", () => {
    expect(canonicalRecoveryCode("k7mq-2xhe-9d")).toBe("k7mq-2xhe-9d");
    expect(canonicalRecoveryCode(" K7MQ 2XHE 9D ")).toBe("k7mq-2xhe-9d");
    expect(canonicalRecoveryCode("k7mq2xhe9d")).toBe("k7mq-2xhe-9d");
  });

  it("are not confused with anything else", () => {
    for (const typed of ["", "123456", "k7mq-2xhe-9", "k7mq-2xhe-9dd", "k7mq-2xhe-9o", "k7mq-2xhe-91", "k7mq_2xhe_9d"]) {
      expect(canonicalRecoveryCode(typed), typed).toBeNull();
    }
  });

  it("are stored as a keyed hash that differs by user and by key, and never as the code", () => {
    const hash = recoveryCodeHash(key, "user-1", "k7mq-2xhe-9d");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain("k7mq");
    expect(recoveryCodeHash(key, "user-1", "k7mq-2xhe-9d")).toBe(hash);
    expect(recoveryCodeHash(key, "user-2", "k7mq-2xhe-9d")).not.toBe(hash);
    expect(recoveryCodeHash(Buffer.alloc(32, 8), "user-1", "k7mq-2xhe-9d")).not.toBe(hash);
  });
});
