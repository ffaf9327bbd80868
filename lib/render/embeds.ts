/**
 * Embeds by address. A writer pastes a link; we decide what it becomes. Videos play in a
 * privacy-enhanced frame; posts and other pages become a plain link card, so no third-party script
 * ever runs on our pages.
 */
import { isSafeHref } from "./links";

export type EmbedKind = "youtube" | "x" | "link";
export type EmbedInfo = { kind: EmbedKind; url: string; host: string; label: string; frameSrc?: string };

/** The one origin our pages may frame: the video host's privacy-enhanced player (CSP frame-src, the sanitizer). */
export const videoFrameOrigin = "https://www.youtube-nocookie.com";

const youtubeHosts = new Set(["youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"]);
const xHosts = new Set(["x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"]);
const videoId = /^[A-Za-z0-9_-]{11}$/;

export function embedFromUrl(raw: string): EmbedInfo | null {
  const value = raw.trim();
  if (!/^https?:\/\//i.test(value) || !isSafeHref(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (youtubeHosts.has(host)) {
    const id = host === "youtu.be" ? url.pathname.slice(1) : url.pathname.startsWith("/embed/") ? url.pathname.slice(7) : url.searchParams.get("v");
    if (id && videoId.test(id)) {
      return {
        kind: "youtube",
        url: `https://www.youtube.com/watch?v=${id}`,
        host: "youtube.com",
        label: "YouTube video",
        frameSrc: `${videoFrameOrigin}/embed/${id}`,
      };
    }
  }
  if (xHosts.has(host) && /^\/[A-Za-z0-9_]{1,15}\/status\/\d+/.test(url.pathname)) {
    return { kind: "x", url: `https://x.com${url.pathname}`, host: "x.com", label: "Post on X" };
  }
  return { kind: "link", url: url.toString(), host: host.replace(/^www\./, ""), label: url.toString() };
}

export const badEmbedMessage = "Embed a web address starting with https:// (a YouTube video, a post on X or any page).";
