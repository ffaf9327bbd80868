import { describe, expect, it } from "vitest";
import { acceptedTotpStep, groupedSecret, newTotpSecret, totpCodeAt, totpStepAt, totpUri } from "./totp";

// RFC 6238, appendix B: the SHA-1 seed "12345678901234567890" (ASCII), as base32.
const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
// Its eight-digit vectors; a six-digit code is the last six digits (the same truncation, mod 10^6).
const rfcVectors: [seconds: number, code8: string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

const at = (seconds: number) => new Date(seconds * 1000);
// An instant in the middle of a step, so ±15 s stays inside it.
const noon = at(1_700_000_010);

describe("TOTP codes (RFC 6238, SHA-1, 6 digits, 30 s)", () => {
  it.each(rfcVectors)("give the RFC's code at %i s", (seconds, code8) => {
    expect(totpCodeAt(rfcSecret, at(seconds))).toBe(code8.slice(-6));
  });

  it("fall into 30-second steps counted from the epoch", () => {
    expect(totpStepAt(at(59))).toBe(1);
    expect(totpStepAt(at(60))).toBe(2);
    expect(totpStepAt(at(1111111109))).toBe(0x23523ec);
  });

  it("are accepted at their step and one step either side, not two", () => {
    const code = totpCodeAt(rfcSecret, noon);
    const step = totpStepAt(noon);
    expect(acceptedTotpStep({ secret: rfcSecret, code, at: noon, lastStep: null })).toBe(step);
    expect(acceptedTotpStep({ secret: rfcSecret, code, at: new Date(noon.getTime() + 30_000), lastStep: null })).toBe(step);
    expect(acceptedTotpStep({ secret: rfcSecret, code, at: new Date(noon.getTime() - 30_000), lastStep: null })).toBe(step);
    expect(acceptedTotpStep({ secret: rfcSecret, code, at: new Date(noon.getTime() + 60_000), lastStep: null })).toBeNull();
    expect(acceptedTotpStep({ secret: rfcSecret, code, at: new Date(noon.getTime() - 60_000), lastStep: null })).toBeNull();
  });

  it("are refused a second time, and so is any code from an earlier step", () => {
    const step = totpStepAt(noon);
    const code = totpCodeAt(rfcSecret, noon);
    expect(acceptedTotpStep({ secret: rfcSecret, code, at: noon, lastStep: step })).toBeNull();
    const previous = totpCodeAt(rfcSecret, new Date(noon.getTime() - 30_000));
    expect(acceptedTotpStep({ secret: rfcSecret, code: previous, at: noon, lastStep: step })).toBeNull();
    const next = totpCodeAt(rfcSecret, new Date(noon.getTime() + 30_000));
    expect(acceptedTotpStep({ secret: rfcSecret, code: next, at: noon, lastStep: step })).toBe(step + 1);
  });

  it("are refused when wrong, for another secret, or not six digits", () => {
    const code = totpCodeAt(rfcSecret, noon);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(acceptedTotpStep({ secret: rfcSecret, code: wrong, at: noon, lastStep: null })).toBeNull();
    expect(acceptedTotpStep({ secret: newTotpSecret(), code, at: noon, lastStep: null })).toBeNull();
    for (const typed of ["", "12345", "1234567", "12a456", ` ${code}`]) {
      expect(acceptedTotpStep({ secret: rfcSecret, code: typed, at: noon, lastStep: null }), typed).toBeNull();
    }
  });
});

describe("a new secret", () => {
  it("is 160 random bits in base32, different every time", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it("is shown in groups of four for typing", () => {
    expect(groupedSecret(rfcSecret)).toBe("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
  });

  it("reaches the app as an otpauth:// address naming the newspaper and the person", () => {
    const uri = new URL(totpUri({ secret: rfcSecret, issuer: "The Harbour Gazette", account: "mira@paper.example" }));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/The Harbour Gazette:mira@paper.example");
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      issuer: "The Harbour Gazette",
      secret: rfcSecret,
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });
});
