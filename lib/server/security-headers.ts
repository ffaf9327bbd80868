/**
 * The security headers every response carries, and the three Content-Security-Policies:
 *
 * - desk and sign-in pages: a fresh nonce per request (proxy.ts), which Next puts on its scripts;
 * - public pages, which are cached: the sha256 of each inline script the page carries, computed by
 *   our server from the bytes it sends (public-response.ts), so a cached page keeps its policy;
 * - everything else (API answers, feeds, images): nothing may run, load or frame it.
 *
 * None allows 'unsafe-inline' scripts, and none lets another site frame us (`frame-ancestors
 * 'none'`, and X-Frame-Options for older browsers). Pure strings: proxy.ts loads this module too.
 */
import { videoFrameOrigin } from "@/lib/render/embeds";

const common = ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"];

/** Desk and /login: scripts only with this request's nonce (or loaded by one), styles from our own files. */
export function deskPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    // The editor (ProseMirror) positions its menus and drop cursor with style attributes: those cannot run script.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${videoFrameOrigin}`,
    "form-action 'self'",
    ...common,
  ].join("; ");
}

/** Public pages: our own script files, and exactly the inline scripts whose hashes are listed. */
export function publicPagePolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map((hash) => `'sha256-${hash}'`)].join(" "),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${videoFrameOrigin}`,
    "form-action 'self'",
    ...common,
  ].join("; ");
}

/** Anything that is not a page (JSON, feeds, images): it may load nothing and be framed by no one. */
export const resourcePolicy = ["default-src 'none'", "img-src 'self'", "style-src 'self'", "form-action 'none'", ...common].join("; ");

/**
 * The headers beside the CSP, for every response. HSTS only when the public address is https: sent
 * over plain http (a newsroom's laptop, the tests) it would be ignored at best.
 */
export function baselineHeaders(publicUrl: string): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
    ...(publicUrl.startsWith("https:") ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
