/**
 * The desk's session cookie, named and flagged from the configured public address (lib/site-url.ts):
 * `Secure` (and the `__Secure-` prefix) whenever that address is https. next-auth (options.ts) and
 * the desk's gate (proxy.ts) both take the name from here, so they always read the same cookie.
 */
import { siteUrl } from "@/lib/site-url";

export function usesSecureCookies(): boolean {
  return siteUrl().startsWith("https://");
}

export function sessionCookieName(): string {
  return `${usesSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

export function sessionCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: usesSecureCookies() };
}
