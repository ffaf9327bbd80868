import { afterEach, describe, expect, it, vi } from "vitest";
import { sessionCookieName, sessionCookieOptions, usesSecureCookies } from "./cookies";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the session cookie", () => {
  it("is Secure, with the __Secure- name, when the public address is https", () => {
    vi.stubEnv("NEWSDESK_PUBLIC_URL", "https://desk.paper.example");
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect(usesSecureCookies()).toBe(true);
    expect(sessionCookieName()).toBe("__Secure-next-auth.session-token");
    expect(sessionCookieOptions()).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
  });

  it("follows NEXTAUTH_URL when no public address is set", () => {
    vi.stubEnv("NEWSDESK_PUBLIC_URL", "");
    vi.stubEnv("NEXTAUTH_URL", "https://paper.example");
    expect(sessionCookieName()).toBe("__Secure-next-auth.session-token");
  });

  it("is a plain cookie on http (localhost), which browsers would refuse to store as Secure", () => {
    vi.stubEnv("NEWSDESK_PUBLIC_URL", "");
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect(usesSecureCookies()).toBe(false);
    expect(sessionCookieName()).toBe("next-auth.session-token");
    expect(sessionCookieOptions().secure).toBe(false);
  });
});
