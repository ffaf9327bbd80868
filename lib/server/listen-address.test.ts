import { describe, expect, it } from "vitest";
import { decideListenAddress, isLoopback } from "./listen-address";

const demo = ["admin@example.com", "editor@example.com"];

describe("where the server may listen", () => {
  it("listens where it is told when no account accepts the demo password", () => {
    expect(decideListenAddress({ configuredHost: undefined, demoPasswordAccounts: [] })).toEqual({ ok: true, host: undefined, notice: null });
    expect(decideListenAddress({ configuredHost: "0.0.0.0", demoPasswordAccounts: [] })).toEqual({ ok: true, host: "0.0.0.0", notice: null });
  });

  it("keeps the quick start on this machine: no address asked for and demo accounts open means 127.0.0.1, said in one line", () => {
    const decision = decideListenAddress({ configuredHost: undefined, demoPasswordAccounts: demo });
    expect(decision).toMatchObject({ ok: true, host: "127.0.0.1" });
    const notice = decision.ok ? decision.notice : "";
    expect(notice).toContain("127.0.0.1 only");
    expect(notice).toContain("admin@example.com, editor@example.com");
    expect(notice).not.toContain("\n");
    // An empty NEWSDESK_HOST is the same as none.
    expect(decideListenAddress({ configuredHost: " ", demoPasswordAccounts: demo })).toMatchObject({ ok: true, host: "127.0.0.1" });
  });

  it("refuses, in one line, a public address asked for while demo accounts are open", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "newsdesk.example", "::ffff:10.0.0.1"]) {
      const decision = decideListenAddress({ configuredHost: host, demoPasswordAccounts: demo });
      expect(decision.ok, host).toBe(false);
      if (!decision.ok) {
        expect(decision.message).toContain(`Refusing to listen on ${host}`);
        expect(decision.message).not.toContain("\n");
      }
    }
  });

  it("allows a loopback address asked for while demo accounts are open", () => {
    for (const host of ["127.0.0.1", "127.0.1.1", "::1", "[::1]", "localhost", "::ffff:127.0.0.1"]) {
      expect(decideListenAddress({ configuredHost: host, demoPasswordAccounts: demo }), host).toEqual({ ok: true, host, notice: null });
    }
  });

  it("knows loopback from the rest", () => {
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("128.0.0.1")).toBe(false);
    expect(isLoopback("0.0.0.0")).toBe(false);
    expect(isLoopback("::")).toBe(false);
    expect(isLoopback("localhost.example")).toBe(false);
  });
});
