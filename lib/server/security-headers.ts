/**
 * The security headers every response carries, and the three Content-Security-Policies:
 *
 * - desk and sign-in pages: a fresh nonce per request (proxy.ts), which Next puts on its scripts;
 * - reader pages: no script may run at all; their one inline stylesheet is allowed by its sha256
 *   (docs/decisions/023), so a stored page keeps its policy;
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

/**
 * Reader pages: finished HTML. No script runs (JSON-LD is data, which no policy needs to allow);
 * the inline stylesheet is allowed by its hash; images, fonts and the search form are our own.
 */
export function readerPagePolicy(stylesheetSha256: string): string {
  const hash = stylesheetSha256;
  return [
    "default-src 'none'",
    "script-src 'none'",
    `style-src 'sha256-${hash}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    // No script of ours fetches anything; this lets tools that read the page from inside it (a
    // crawler's audit fetching robots.txt, say) reach our own origin.
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
