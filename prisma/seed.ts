/**
 * Seeds a newsroom into an empty database: settings and sections always; in demo mode also the
 * demo accounts and the demo stories, all in one transaction. A database that already has users is
 * never touched.
 *
 *   tsx prisma/seed.ts        (npm start runs it for you)
 */
import sharp from "sharp";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { stampPublication } from "@/lib/articles/dates";
import { recordEvent } from "@/lib/articles/history";
import { slugFromHeadline } from "@/lib/text/slug";
import { hashPassword, noPassword } from "@/lib/auth/password";
import { authorSlug } from "@/lib/users/author-slug";
import { demoAccounts, demoPassword, isDemoMode } from "@/lib/demo";
import { createPrismaClient } from "@/lib/prisma-client";
import { renderBody } from "@/lib/render/body";
import { prepareImage } from "@/lib/media/images";
import { storeImageFiles, type StoredImageFacts } from "@/lib/media/store-image";
import { demoArticles, demoContributors, demoSections, type DemoArticle } from "./demo/content";
import { demoImages, type DemoImageName } from "./demo/images";
import { demoDates } from "./demo/timeline";

/** The seed's writes run on a client or inside its transaction alike. */

export async function seedNewsroom(prisma: PrismaClient, { demo, now }: { demo: boolean; now: Date }) {
  if ((await prisma.settings.count()) === 0) {
    await prisma.settings.create({ data: { id: 1, newspaperName: "The Harbour Gazette", timeZone: "UTC" } });
  }
  if ((await prisma.section.count()) === 0) {
    await prisma.section.createMany({ data: demoSections.map((section, position) => ({ ...section, position })) });
  }
  await giveAuthorsTheirAddresses(prisma);
  if (!demo || (await prisma.user.count()) > 0) return { seeded: false };

  // The slow part (the password's hash, drawing the pictures and writing their files) comes first, so
  // the transaction below holds the database only for the rows.
  const passwordHash = await hashPassword(demoPassword);
  const pictures = await drawDemoImages();
  try {
    // One transaction: a seed that fails half-way leaves no users behind, so the next start, which
    // seeds only a database without users, tries again from the start.
    const seeded = await prisma.$transaction(
      async (tx) => {
        if ((await tx.user.count()) > 0) return false;
        await writeDemoNewsroom(tx, { passwordHash, pictures, now });
        return true;
      },
      { timeout: 60_000 },
    );
    if (!seeded) await discardAll(pictures);
    return { seeded };
  } catch (error) {
    await discardAll(pictures);
    throw error;
  }
}

type DemoPicture = { name: DemoImageName; facts: StoredImageFacts; discard: () => Promise<void> };

/** The demo illustrations, drawn as SVG, made into library images' files the same way an upload is. */
async function drawDemoImages(): Promise<DemoPicture[]> {
  const pictures: DemoPicture[] = [];
  try {
    for (const [name, image] of Object.entries(demoImages) as [DemoImageName, (typeof demoImages)[DemoImageName]][]) {
      const png = await sharp(Buffer.from(image.svg)).png().toBuffer();
      const prepared = await prepareImage(png);
      if (!prepared.ok) throw new Error(`The demo image ${name} could not be prepared: ${prepared.message}`);
      pictures.push({ name, ...(await storeImageFiles(prepared)) });
    }
  } catch (error) {
    await discardAll(pictures);
    throw error;
  }
  return pictures;
}

const discardAll = (pictures: DemoPicture[]) => Promise.all(pictures.map((picture) => picture.discard()));

async function writeDemoNewsroom(
  tx: Tx,
  { passwordHash, pictures, now }: { passwordHash: string; pictures: DemoPicture[]; now: Date },
) {
  const users: Record<DemoArticle["author"] | "admin", string> = {} as never;
  for (const account of demoAccounts) {
    const user = await tx.user.create({ data: { ...account, passwordHash } });
    if (account.role !== "admin") users[account.role] = user.id;
    else users.admin = user.id;
  }
  for (const [key, contributor] of Object.entries(demoContributors)) {
    const user = await tx.user.create({
      // Contributors' pieces are filed by the desk's editors; they have no password of their own.
      data: { ...contributor, role: "reporter", active: false, passwordHash: noPassword },
    });
    users[key as keyof typeof demoContributors] = user.id;
  }
  await giveAuthorsTheirAddresses(tx);
  const sections = new Map((await tx.section.findMany()).map((section) => [section.slug, section.id]));
  const images = new Map<DemoImageName, string>();
  for (const { name, facts } of pictures) {
    const image = demoImages[name];
    const row = await tx.media.create({
      data: { ...facts, originalName: `${name}.png`, alt: image.alt, caption: image.caption, credit: image.credit, uploadedById: users.editor, createdAt: now },
    });
    images.set(name, row.id);
  }

  for (const article of demoArticles) {
    await seedPublishedArticle(tx, article, {
      images,
      authorId: users[article.author],
      editorId: users.editor,
      sectionId: sections.get(article.section)!,
      now,
    });
  }
}

/** Every user gets an author page address once (users made before author pages existed too). */
async function giveAuthorsTheirAddresses(prisma: Tx) {
  const users = await prisma.user.findMany({ where: { slug: null }, orderBy: { createdAt: "asc" }, select: { id: true, name: true } });
  for (const user of users) {
    const slug = await authorSlug(user.name, async (candidate) =>
      Boolean(await prisma.user.findUnique({ where: { slug: candidate }, select: { id: true } })),
    );
    await prisma.user.update({ where: { id: user.id }, data: { slug } });
  }
}

async function seedPublishedArticle(
  prisma: Tx,
  article: DemoArticle,
  {
    images,
    authorId,
    editorId,
    sectionId,
    now,
  }: { images: Map<DemoImageName, string>; authorId: string; editorId: string; sectionId: string; now: Date },
) {
  const image = article.image ? demoImages[article.image] : null;
  const { publishedAt, updatedAt } = demoDates(article, now);
  const written = new Date(publishedAt.getTime() - 3 * 60 * 60 * 1000);
  let dates = stampPublication({ publishedAt: null, updatedStampAt: null, lastPublishedAt: null }, publishedAt, {
    significantUpdate: false,
  });
  if (updatedAt) dates = stampPublication(dates, updatedAt, { significantUpdate: true });

  const standfirst = article.standfirst ?? "";
  const created = await prisma.article.create({
    data: {
      slug: slugFromHeadline(article.headline),
      kind: article.kind,
      status: "published",
      sectionId,
      authorId,
      headline: article.headline,
      dateline: article.dateline ?? "",
      standfirst,
      body: article.body,
      version: 1,
      ...dates,
      createdAt: written,
      updatedAt: dates.lastPublishedAt ?? publishedAt,
      revisions: {
        create: {
          number: 1,
          headline: article.headline,
          dateline: article.dateline ?? "",
          standfirst,
          body: article.body,
          bodyHtml: renderBody(article.body),
          writerBio: article.writerBio ?? "",
          ...(article.image && image
            ? {
                featuredImageId: images.get(article.image),
                featuredImageAlt: image.alt,
                featuredImageCaption: image.caption,
                featuredImageCredit: image.credit,
              }
            : {}),
          authorId,
          createdAt: written,
          bylines: article.kind === "editorial" ? undefined : { create: [{ userId: authorId, position: 0 }] },
          tags: article.tags?.length
            ? {
                create: article.tags.map((name) => ({
                  tag: { connectOrCreate: { where: { slug: slugFromHeadline(name) }, create: { slug: slugFromHeadline(name), name } } },
                })),
              }
            : undefined,
        },
      },
    },
    include: { revisions: true },
  });
  const articleId = created.id;
  await recordEvent(prisma, { articleId, kind: "create", actorId: authorId, fromStatus: null, toStatus: "draft", at: written });
  await recordEvent(prisma, { articleId, kind: "publish", actorId: editorId, fromStatus: "draft", toStatus: "published", at: publishedAt });
  if (updatedAt) {
    const republish = { kind: "republish", fromStatus: "published", toStatus: "published", significant: true } as const;
    await recordEvent(prisma, { articleId, ...republish, actorId: editorId, at: dates.lastPublishedAt! });
  }
  // Keep the desk's "last change" honest: linking the live revision is not an edit.
  await prisma.article.update({
    where: { id: created.id },
    data: { liveRevisionId: created.revisions[0]!.id, updatedAt: created.updatedAt },
  });
}

async function main() {
  const prisma = createPrismaClient();
  try {
    const { seeded } = await seedNewsroom(prisma, { demo: isDemoMode(), now: new Date() });
    console.log(seeded ? "Seeded the demo newsroom." : "The database already has a newsroom: left as it is.");
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1] && /seed\.ts$/.test(process.argv[1])) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
