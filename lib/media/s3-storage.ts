/**
 * The media library's files in S3-compatible object storage (AWS S3, or any service that speaks
 * its API: set the endpoint), for newsrooms whose app runs on several machines without a shared
 * folder. Objects are named `<prefix><key>/<name>`, like the folders of the local disk; a put is
 * one PutObject, so a reader never sees half a file.
 *
 *   NEWSDESK_S3_BUCKET=newsdesk-media          turns it on
 *   NEWSDESK_S3_REGION=eu-west-1               (default us-east-1)
 *   NEWSDESK_S3_ENDPOINT=https://s3.example    for an S3-compatible service (path-style addresses)
 *   NEWSDESK_S3_ACCESS_KEY_ID / NEWSDESK_S3_SECRET_ACCESS_KEY   else the AWS SDK's usual chain
 *   NEWSDESK_S3_PREFIX=media/                  (default none)
 */
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { z } from "zod";
import { isStorageKey, isStorageName, type MediaStorage, type StoredFile } from "./storage-names";

const settingsSchema = z.object({
  NEWSDESK_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: "NEWSDESK_S3_BUCKET must be a bucket name (3 to 63 lower-case letters, digits, dots and hyphens)." }),
  NEWSDESK_S3_REGION: z.string().min(1).default("us-east-1"),
  NEWSDESK_S3_ENDPOINT: z.url({ error: "NEWSDESK_S3_ENDPOINT must be the service's address, e.g. https://s3.example.com." }).optional(),
  NEWSDESK_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  NEWSDESK_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  NEWSDESK_S3_PREFIX: z.string().regex(/^(?:[a-z0-9-]+\/)*$/, { error: "NEWSDESK_S3_PREFIX must be empty or end with a slash, e.g. media/." }).default(""),
});

export type S3Settings = { bucket: string; region: string; endpoint?: string; credentials?: { accessKeyId: string; secretAccessKey: string }; prefix: string };

/** The object storage to use, from the environment; null when NEWSDESK_S3_BUCKET is not set. */
export function s3Settings(env: Record<string, string | undefined> = process.env): S3Settings | null {
  if (!env.NEWSDESK_S3_BUCKET) return null;
  const parsed = settingsSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")));
  if (!parsed.success) throw new Error(`Media storage: ${parsed.error.issues.map((issue) => issue.message).join(" ")}`);
  const { NEWSDESK_S3_BUCKET: bucket, NEWSDESK_S3_REGION: region, NEWSDESK_S3_ENDPOINT: endpoint, NEWSDESK_S3_PREFIX: prefix } = parsed.data;
  const { NEWSDESK_S3_ACCESS_KEY_ID: accessKeyId, NEWSDESK_S3_SECRET_ACCESS_KEY: secretAccessKey } = parsed.data;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) throw new Error("Media storage: set both NEWSDESK_S3_ACCESS_KEY_ID and NEWSDESK_S3_SECRET_ACCESS_KEY, or neither.");
  return { bucket, region, endpoint, prefix, credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined };
}

const contentTypes: Record<string, string> = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp", gif: "image/gif", avif: "image/avif" };

export class S3Storage implements MediaStorage {
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      // An S3-compatible service at its own address names buckets in the path.
      forcePathStyle: Boolean(settings.endpoint),
      credentials: settings.credentials,
      // Checksums only where S3 requires them: S3-compatible services do not all take the rest.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  private objectKey(key: string, name = "") {
    return `${this.settings.prefix}${key}/${name}`;
  }

  async put(key: string, name: string, bytes: Uint8Array): Promise<void> {
    if (!isStorageKey(key) || !isStorageName(name)) throw new TypeError(`Not a storage key and name: ${JSON.stringify([key, name])}`);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: this.objectKey(key, name),
        Body: bytes,
        ContentType: contentTypes[name.slice(name.lastIndexOf(".") + 1)] ?? "application/octet-stream",
      }),
    );
  }

  async get(key: string, name: string): Promise<StoredFile | null> {
    if (!isStorageKey(key) || !isStorageName(name)) return null;
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key, name) }));
      if (!object.Body) return null;
      return { body: object.Body.transformToWebStream() as ReadableStream<Uint8Array>, size: object.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    if (!isStorageKey(key)) throw new TypeError(`Not a storage key: ${JSON.stringify(key)}`);
    for (;;) {
      const listed = await this.client.send(new ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix: this.objectKey(key) }));
      const objects = (listed.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
      if (objects.length === 0) return;
      await this.client.send(new DeleteObjectsCommand({ Bucket: this.settings.bucket, Delete: { Objects: objects, Quiet: true } }));
    }
  }
}
