/**
 * The bench's newsroom (scripts/bench.ts): the demo seed plus `count` published articles, written
 * straight into the bench's throwaway database (never the developer's: the caller points
 * DATABASE_URL at .bench/ first) in one transaction of prepared statements, so 50,000 articles take
 * seconds, not minutes.
 *
 * The articles are meant to give listings and search real work: news and analysis spread over the
 * sections, Opinion's kinds in Opinion, 60 writers (one piece in seven with a second writer), up to
 * three of 30 topics each, three years of publication dates, and bodies of 300 to 900 words drawn
 * with a skewed (Zipf-like) word frequency, so a search term can match a handful of stories or
 * thousands, as in a real archive. The generator is deterministic: two runs seed the same newsroom.
 */
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import type { Client } from "pg";
import { indexMissing } from "@/lib/articles/search-index";
import { noPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/prisma-client";
import { databaseFile, databaseProvider, databaseUrl } from "@/lib/database-url";
import { renderBody } from "@/lib/render/body";
import { prepareConnection, connectionOptions } from "@/lib/sqlite/connection";
import { htmlToText } from "@/lib/text/plain-text";
import { slugFromHeadline } from "@/lib/text/slug";
import { seedNewsroom } from "../prisma/seed";

/**
 * mulberry32, a small well-mixed 32-bit generator. (Until 2026-12-01 the bench used an LCG whose
 * product overflowed a double's 53 bits: it lost precision, cycled, and 50,000 articles had 90
 * distinct headlines and bodies. Figures measured before then were on that repeating corpus.)
 */
let state = 20261125;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
/** Low indexes far more often than high ones: a few words are everywhere, most are rare. */
const pickSkewed = <T>(items: readonly T[]) => items[Math.floor(random() ** 2.2 * items.length)]!;

const functionWords = "the a of to in and for on with that said by from at as it was will would could after before over under between its their this".split(" ");

/** Content words, roughly most common first (pickSkewed favours the head of the list). */
export const contentWords = (
  "council harbour city government minister budget people year week police water port residents report plan " +
  "school hospital court market river ferry tram road housing election party vote mayor tax workers union " +
  "farmers rain flood season prices trade exporters shipping vessel route container authority engineers survey " +
  "health doctors patients nurses teachers students university library museum festival theatre music football club " +
  "manager supporters stadium cricket league final coach players injury transfer energy power grid solar wind " +
  "climate drought monsoon harvest rice wheat fishermen fisheries salt wells dredging delta basin gauges storage " +
  "villages district province ministry agency inquiry judge lawyers prison sentence appeal verdict evidence witness " +
  "company shares profit losses bank loans interest inflation wages jobs factory plant strike negotiations contract " +
  "airport airline runway passengers tourism hotels visitors beaches coast storm warning evacuation shelters volunteers " +
  "bridge tunnel railway station depot buses timetable fares commuters traffic cyclists pedestrians parking permits " +
  "landlords tenants rents mortgages builders planning zoning heritage architects park trees gardens pollution sewage " +
  "recycling waste landfill emissions refinery pipeline licence regulator auditors accounts deficit surplus bonds " +
  "hydrologists economists scientists researchers archaeologists historians surveyors inspectors firefighters paramedics " +
  "lighthouse breakwater quay moorings yachts regatta rowing lifeboat coastguard trawler cannery warehouse granary " +
  "vineyard orchard dairy cattle sheep pasture irrigation canal reservoir aquifer borehole desalination turbine"
).split(" ");

/**
 * Names of people, places and firms (4,000, made from syllables): each story mentions a few, so a
 * query with a name matches a few dozen stories, as a reader's search in a real archive does.
 */
const syllables = ["mar", "vel", "dor", "ka", "lin", "bra", "sen", "tor", "ul", "qua", "zen", "ro", "fa", "gil", "hes", "o", "pra", "nu"];
export const properNames = Array.from({ length: 4_000 }, (_, index) => {
  const name = [index % 18, Math.floor(index / 18) % 18, Math.floor(index / 324) % 18].map((part) => syllables[part]).join("");
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
});

const firstNames = ["Amira", "Ben", "Chloé", "Dara", "Elif", "Farid", "Grace", "Hugo", "Ines", "Jonah", "Kasia", "Luca", "Maya", "Nils", "Olu", "Priya", "Quentin", "Rosa", "Sami", "Tess"];
const lastNames = ["Okafor", "Lindqvist", "Moreau", "Haddad", "Nakamura", "Brennan", "Costa", "Petrov", "Mensah", "Alvarez", "Kowalski", "Reyes"];
const topicNames = [
  "Harbour", "Council budget", "Ferries", "Dredging", "Flooding", "Monsoon", "Farming", "Shipping", "Transport", "Housing",
  "Schools", "Health", "Elections", "Courts", "Police", "Climate", "Energy", "Water", "Tourism", "Football",
  "Cricket", "Markets", "Jobs", "Trade", "Port authority", "Rivers", "Fisheries", "Salt wells", "Trams", "Culture",
];
const datelines = ["HARBOURTON", "MARREN", "VALDERA", "PORT ELLIS", "NORTHGATE", "SALT CREEK"];

function sentence(words: number, names: readonly string[] = []) {
  const text = Array.from({ length: words }, () =>
    random() < 0.45 ? pick(functionWords) : names.length && random() < 0.06 ? pick(names) : pickSkewed(contentWords),
  ).join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A story's body: the same few names recur through it, as in a real report. */
function articleBody() {
  const names = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(properNames));
  // 6 to 13 paragraphs: 300 to 900 words, a news story's length.
  const paragraphs = 6 + Math.floor(random() * 8);
  return Array.from({ length: paragraphs }, () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => sentence(12 + Math.floor(random() * 14), names)).join(" "),
  ).join("\n\n");
}

/** How Prisma stored a DateTime in this database (read back from a row it wrote), so raw inserts match. */
function dateEncoder(sample: unknown): (date: Date) => string | number {
  if (typeof sample === "number" || typeof sample === "bigint") return (date) => date.getTime();
  if (typeof sample === "string" && /^\d{4}-\d\d-\d\dT/.test(sample)) return (date) => date.toISOString();
  if (typeof sample === "string" && /^\d{4}-\d\d-\d\d \d/.test(sample)) return (date) => date.toISOString().replace("T", " ").replace("Z", "");
  throw new Error(`Unknown DateTime storage in the bench database: ${String(sample)}`);
}

type Person = { id: string };
type Cast = { sections: { id: string; slug: string }[]; editor: Person; writers: Person[]; topics: Person[]; now: number };

/** One bench article as rows: the article, its live revision, bylines, topics and search text. */
type ArticleRows = {
  article: { id: string; slug: string; kind: string; sectionId: string; authorId: string; headline: string; dateline: string; standfirst: string; body: string; revisionId: string; publishedAt: Date };
  revision: { id: string; articleId: string; headline: string; dateline: string; standfirst: string; body: string; bodyHtml: string; authorId: string; createdAt: Date };
  bylines: { revisionId: string; userId: string; position: number }[];
  tags: { revisionId: string; tagId: string }[];
  search: { articleId: string; headline: string; standfirst: string; body: string };
};

/** The bench's articles, the same on every run and on either database. */
function* benchArticles(count: number, { sections, editor, writers, topics, now }: Cast): Generator<ArticleRows> {
  const opinion = sections.find((section) => section.slug === "opinion")!;
  // News spreads over every other section, the City (the bench's section page) three times as often.
  const others = sections.filter((section) => section.slug !== "opinion");
  const newsSections = [...others, ...others.filter((section) => section.slug === "city"), ...others.filter((section) => section.slug === "city")];
  const spanMs = 3 * 365 * 24 * 60 * 60 * 1000;
  for (let index = 0; index < count; index += 1) {
    const roll = random();
    const kind = roll < 0.8 ? "news" : roll < 0.86 ? "analysis" : pick(["editorial", "column", "op-ed", "letter"] as const);
    const section = kind === "news" || kind === "analysis" ? pick(newsSections) : opinion;
    const headline = sentence(6 + Math.floor(random() * 6)).slice(0, -1);
    const standfirst = random() < 0.5 ? sentence(20) : "";
    const dateline = kind === "editorial" || kind === "letter" ? "" : pick(datelines);
    const body = articleBody();
    const bodyHtml = renderBody(body);
    const publishedAt = new Date(now - spanMs * (1 - index / count) - 3_600_000);
    const id = randomUUID();
    const revisionId = randomUUID();
    // Writers and topics are spread by index: the generator above repeats itself too soon for them.
    const owner = kind === "editorial" ? editor : writers[index % writers.length]!;
    const bylines: ArticleRows["bylines"] = [];
    if (kind !== "editorial") {
      bylines.push({ revisionId, userId: owner.id, position: 0 });
      // One piece in seven has a second writer.
      if (index % 7 === 0) bylines.push({ revisionId, userId: writers[(index + 13) % writers.length]!.id, position: 1 });
    }
    // Up to three topics each.
    const tags = Array.from({ length: index % 4 }, (_, k) => ({ revisionId, tagId: topics[(index + k * 7) % topics.length]!.id }));
    yield {
      article: { id, slug: `${slugFromHeadline(headline).slice(0, 60)}-${index}`, kind, sectionId: section.id, authorId: owner.id, headline, dateline, standfirst, body, revisionId, publishedAt },
      revision: { id: revisionId, articleId: id, headline, dateline, standfirst, body, bodyHtml, authorId: editor.id, createdAt: publishedAt },
      bylines,
      tags,
      search: { articleId: id, headline, standfirst, body: htmlToText(bodyHtml) },
    };
  }
}

/** SQLite: one transaction of prepared statements, no journal while it is filled. */
function writeToSqlite(databaseFile: string, rows: Iterable<ArticleRows>) {
  const db = prepareConnection(new Database(databaseFile, connectionOptions));
  // A throwaway database written once by one connection: no journal while it is filled (one copy
  // of each page written, not two), WAL again for the server afterwards, and a page cache large
  // enough for the indexes being built.
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  const storedDate = dateEncoder(db.prepare(`SELECT "publishedAt" FROM "Article" WHERE "publishedAt" IS NOT NULL LIMIT 1`).pluck().get());
  const insertArticle = db.prepare(`
    INSERT INTO "Article" ("id", "slug", "kind", "status", "sectionId", "authorId", "headline", "dateline", "standfirst", "body",
      "version", "liveRevisionId", "publishedAt", "lastPublishedAt", "createdAt", "updatedAt")
    VALUES (?, ?, ?, 'published', ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`);
  const insertRevision = db.prepare(`
    INSERT INTO "Revision" ("id", "articleId", "number", "headline", "dateline", "standfirst", "body", "bodyHtml", "authorId", "createdAt")
    VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`);
  const insertByline = db.prepare(`INSERT INTO "RevisionAuthor" ("revisionId", "userId", "position") VALUES (?, ?, ?)`);
  const insertTag = db.prepare(`INSERT INTO "RevisionTag" ("revisionId", "tagId") VALUES (?, ?)`);
  // What syncSearchIndex writes when an article is published: its live text, as plain text.
  const insertSearchText = db.prepare(`INSERT INTO "ArticleSearchText" ("articleId", "headline", "standfirst", "body") VALUES (?, ?, ?, ?)`);
  db.transaction(() => {
    // An article and its live revision point at each other: check the keys at commit.
    db.pragma("defer_foreign_keys = ON");
    for (const { article: a, revision: r, bylines, tags, search } of rows) {
      const at = storedDate(a.publishedAt);
      insertArticle.run(a.id, a.slug, a.kind, a.sectionId, a.authorId, a.headline, a.dateline, a.standfirst, a.body, a.revisionId, at, at, at, at);
      insertRevision.run(r.id, r.articleId, r.headline, r.dateline, r.standfirst, r.body, r.bodyHtml, r.authorId, storedDate(r.createdAt));
      for (const byline of bylines) insertByline.run(byline.revisionId, byline.userId, byline.position);
      for (const tag of tags) insertTag.run(tag.revisionId, tag.tagId);
      insertSearchText.run(search.articleId, search.headline, search.standfirst, search.body);
    }
  })();
  db.pragma("journal_mode = WAL");
  db.close();
  // Written without a sync: put it on disk before measuring, as PostgreSQL's CHECKPOINT does there.
  const syncing = performance.now();
  const file = fs.openSync(databaseFile, "r+");
  try {
    fs.fsyncSync(file);
  } finally {
    fs.closeSync(file);
  }
  console.log(`SQLite: the file written to disk (fsync) in ${((performance.now() - syncing) / 1000).toFixed(1)} s.`);
}

/** The tables the bench fills in bulk, and each one's columns and values for an article. */
const bulkTables: { table: string; columns: string[]; rows: (article: ArticleRows) => CopyValue[][] }[] = [
  {
    table: "Article",
    columns: ["id", "slug", "kind", "status", "sectionId", "authorId", "headline", "dateline", "standfirst", "body", "version", "liveRevisionId", "publishedAt", "lastPublishedAt", "createdAt", "updatedAt"],
    rows: ({ article: a }) => [[a.id, a.slug, a.kind, "published", a.sectionId, a.authorId, a.headline, a.dateline, a.standfirst, a.body, 1, a.revisionId, a.publishedAt, a.publishedAt, a.publishedAt, a.publishedAt]],
  },
  {
    table: "Revision",
    columns: ["id", "articleId", "number", "headline", "dateline", "standfirst", "body", "bodyHtml", "authorId", "createdAt"],
    rows: ({ revision: r }) => [[r.id, r.articleId, 1, r.headline, r.dateline, r.standfirst, r.body, r.bodyHtml, r.authorId, r.createdAt]],
  },
  { table: "RevisionAuthor", columns: ["revisionId", "userId", "position"], rows: ({ bylines }) => bylines.map((b) => [b.revisionId, b.userId, b.position]) },
  { table: "RevisionTag", columns: ["revisionId", "tagId"], rows: ({ tags }) => tags.map((t) => [t.revisionId, t.tagId]) },
  // Its "document" (the weighted tsvector) is computed by PostgreSQL as each row arrives.
  { table: "ArticleSearchText", columns: ["articleId", "headline", "standfirst", "body"], rows: ({ search: t }) => [[t.articleId, t.headline, t.standfirst, t.body]] },
];

type CopyValue = string | number | Date;
const copyEscapes: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
/** A value in COPY's text format: dates as Prisma stores them (UTC, without a zone). */
export function copyField(value: CopyValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, -1);
  if (typeof value === "number") return String(value);
  return value.replace(/[\\\n\r\t]/g, (character) => copyEscapes[character]!);
}

/**
 * PostgreSQL: one `COPY … FROM STDIN` stream a table, each on a connection of its own, fed as the
 * rows are made. The server's backends work side by side (the search text's tsvector, computed
 * from 300 to 900 words a row, is the longest lane), and COPY spares the parsing and binding of
 * multi-row INSERTs, which took twice as long. The foreign keys' triggers are off while it fills
 * (an article and its live revision point at each other, and arrive on different connections; the
 * bench is the database's superuser), and the bulk tables' secondary indexes (the full-text GIN
 * index among them) are dropped first and built again at the end, each in one pass: maintaining them
 * row by row cost more than the rows. Then VACUUM (ANALYZE), below. It is
 * not one transaction: bench.ts keeps a seeded newsroom for --reuse-seed only once it is complete.
 */
async function writeToPostgres(url: string, rows: Iterable<ArticleRows>, batch = 200) {
  const { Client: PgClient } = await import("pg");
  const { from: copyFrom } = await import("pg-copy-streams");
  const connect = async () => {
    const client = new PgClient({ connectionString: url });
    await client.connect();
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '512MB'");
    return client;
  };
  const client = await connect();
  const lanes: { client: Client; stream: Writable; done: Promise<void>; text: string }[] = [];
  try {
    // Secondary indexes only: primary keys stay (they are constraints, and cheap to keep).
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [bulkTables.map(({ table }) => table)],
    );
    for (const { name } of indexes) await client.query(`DROP INDEX "${name}"`);
    const loading = performance.now();
    for (const { table, columns } of bulkTables) {
      const laneClient = await connect();
      await laneClient.query("SET session_replication_role = replica");
      const stream = laneClient.query(copyFrom(`COPY "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) FROM STDIN`));
      const done = finished(stream);
      done.catch(() => {}); // awaited (and thrown) below
      lanes.push({ client: laneClient, stream, done, text: "" });
    }
    const send = async () => {
      for (const lane of lanes) {
        if (lane.text && !lane.stream.write(lane.text)) await Promise.race([once(lane.stream, "drain"), lane.done]);
        lane.text = "";
      }
    };
    let made = 0;
    for (const row of rows) {
      bulkTables.forEach(({ rows: valuesOf }, index) => {
        for (const values of valuesOf(row)) lanes[index]!.text += `${values.map(copyField).join("\t")}\n`;
      });
      if (++made % batch === 0) await send();
    }
    await send();
    for (const lane of lanes) lane.stream.end();
    await Promise.all(lanes.map((lane) => lane.done));
    const indexing = performance.now();
    console.log(`PostgreSQL: ${made} articles copied into ${bulkTables.length} tables in ${((indexing - loading) / 1000).toFixed(1)} s.`);
    for (const { definition } of indexes) await client.query(definition);
    console.log(`PostgreSQL: ${indexes.length} secondary indexes built again in ${((performance.now() - indexing) / 1000).toFixed(1)} s.`);
    // What an operator does after a bulk load. Without it autovacuum, woken by a million new rows,
    // went through the 15 GB (TOAST tables last) during the first measurements after a seed (the
    // first run's publish → visible median was 102 ms), and index-only scans read the table until
    // a vacuum had marked its pages all-visible.
    const vacuuming = performance.now();
    await client.query("VACUUM (ANALYZE)");
    console.log(`PostgreSQL: VACUUM (ANALYZE) in ${((performance.now() - vacuuming) / 1000).toFixed(1)} s.`);
    // What the load and the vacuum left unwritten is written now, not by the checkpointer during
    // the first measurements. (Before this, a run right after a seed had a median publish → visible
    // of 102 ms against 61–90 ms on settled seeds; the first run after a seed with it had 79 ms.
    // That checkpoint took 1.6 s, so little was left to write: the cause is not proven.)
    const checkpointing = performance.now();
    await client.query("CHECKPOINT");
    console.log(`PostgreSQL: CHECKPOINT (the load written to disk) in ${((performance.now() - checkpointing) / 1000).toFixed(1)} s.`);
  } finally {
    for (const lane of lanes) if (!lane.stream.writableFinished) lane.stream.destroy();
    await Promise.all([client, ...lanes.map((lane) => lane.client)].map((each) => each.end().catch(() => {})));
  }
}

/**
 * Seeds the demo newsroom and `count` published articles into the (empty, migrated) database
 * DATABASE_URL names, SQLite or PostgreSQL. Prints what it made and how long it took.
 */
export async function seedBenchNewsroom(count: number): Promise<void> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const prisma = createPrismaClient();
  await seedNewsroom(prisma, { demo: true, now: new Date() });
  const sections = await prisma.section.findMany();
  const editor = await prisma.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
  const writers = await Promise.all(
    Array.from({ length: 60 }, (_, index) =>
      prisma.user.create({
        data: {
          email: `writer${index}@bench.example`,
          name: `${firstNames[index % firstNames.length]} ${lastNames[(index * 7) % lastNames.length]}`,
          slug: `writer-${index}`,
          role: "reporter",
          passwordHash: noPassword,
          active: false,
        },
      }),
    ),
  );
  const topics = await Promise.all(
    // The demo seed already made some of these topics: reuse them.
    topicNames.map((name) => prisma.tag.upsert({ where: { slug: slugFromHeadline(name) }, update: {}, create: { slug: slugFromHeadline(name), name } })),
  );
  await prisma.$disconnect();
  const demoDone = performance.now();

  const rows = benchArticles(count, { sections, editor, writers, topics, now: Date.now() });
  const postgres = databaseProvider() === "postgresql";
  if (postgres) await writeToPostgres(databaseUrl(), rows);
  else writeToSqlite(databaseFile(), rows);
  const articlesDone = performance.now();
  const cpu = process.cpuUsage(cpuStarted);

  // The server's own check: anything live the bulk insert left out of the index is indexed now.
  const check = createPrismaClient();
  const indexedLate = await indexMissing(check);
  const total = await check.article.count({ where: { status: "published" } });
  await check.$disconnect();
  const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
  console.log(
    `Seeded ${total} published articles on ${postgres ? "PostgreSQL" : "SQLite"} (${count} bench articles in ${seconds(demoDone, articlesDone)} s, ` +
      `${postgres ? "a COPY stream a table" : "one transaction"}; ` +
      `demo newsroom, writers and topics ${seconds(started, demoDone)} s; ${indexedLate} indexed afterwards by indexMissing, as the server does on start) ` +
      `in ${seconds(started, performance.now())} s (CPU time of this process until the bulk insert was done: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; on a busy machine the wall clock runs longer).`,
  );
}

/**
 * Queries none of which repeats, so no cache can have seen one: a common word and a name, each
 * matching a few dozen stories ("ferry Marveldor"), as readers search an archive.
 */
export function distinctQueries(count: number): string[] {
  const limit = Math.min(count, properNames.length * contentWords.length);
  return Array.from({ length: limit }, (_, index) => {
    const word = contentWords[(index + Math.floor(index / properNames.length)) % contentWords.length];
    return `${word} ${properNames[index % properNames.length]}`;
  });
}
