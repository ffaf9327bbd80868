import { describe, expect, it, vi } from "vitest";
import { decryptedTokens } from "./decrypted-tokens";

const second = 1_000;
const at = 1_800_000_000 * second;

describe("decryptedTokens", () => {
  it("decrypts a token once while it is unexpired, and again once it has expired", async () => {
    const tokens = decryptedTokens<{ sub: string; exp: number }>();
    const decrypt = vi.fn(async (value: string) => ({ sub: value, exp: at / second + 60 }));
    expect(await tokens.read("token-a", decrypt, at)).toEqual({ sub: "token-a", exp: at / second + 60 });
    expect(await tokens.read("token-a", decrypt, at + 59 * second)).toEqual({ sub: "token-a", exp: at / second + 60 });
    expect(decrypt).toHaveBeenCalledTimes(1);
    await tokens.read("token-a", decrypt, at + 60 * second);
    expect(decrypt).toHaveBeenCalledTimes(2);
  });

  it("keeps nothing for a token that does not decrypt, has expired or names no expiry", async () => {
    const tokens = decryptedTokens<{ exp?: number }>();
    const refused = vi.fn(async () => null);
    expect(await tokens.read("forged", refused, at)).toBeNull();
    expect(await tokens.read("forged", refused, at)).toBeNull();
    expect(refused).toHaveBeenCalledTimes(2);
    const stale = vi.fn(async () => ({ exp: at / second - 1 }));
    await tokens.read("stale", stale, at);
    await tokens.read("stale", stale, at);
    expect(stale).toHaveBeenCalledTimes(2);
    const endless = vi.fn(async () => ({}));
    await tokens.read("endless", endless, at);
    await tokens.read("endless", endless, at);
    expect(endless).toHaveBeenCalledTimes(2);
  });

  it("does not keep a decryption that failed", async () => {
    const tokens = decryptedTokens<{ exp: number }>();
    const decrypt = vi.fn().mockRejectedValueOnce(new Error("tampered")).mockResolvedValue({ exp: at / second + 60 });
    await expect(tokens.read("token", decrypt, at)).rejects.toThrow("tampered");
    await tokens.read("token", decrypt, at);
    expect(decrypt).toHaveBeenCalledTimes(2);
  });

  it("keeps at most its limit, letting the oldest go first", async () => {
    const tokens = decryptedTokens<{ exp: number }>(2);
    const decrypt = vi.fn(async () => ({ exp: at / second + 60 }));
    for (const value of ["first", "second", "third", "second", "third"]) await tokens.read(value, decrypt, at);
    expect(decrypt).toHaveBeenCalledTimes(3);
    await tokens.read("first", decrypt, at);
    expect(decrypt).toHaveBeenCalledTimes(4);
  });
});
