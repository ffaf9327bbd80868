/**
 * Where the local disk storage keeps media files. One answer for the server and the scripts (like
 * lib/database-url.ts): `MEDIA_DIR`, resolved against the project folder, else `data/media`
 * (ignored by git, beside the database).
 */
import path from "node:path";

export function mediaDirectory(): string {
  // The folder is data, not code: the ignore comment keeps the build from tracing the whole project.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.MEDIA_DIR || path.join("data", "media"));
}
