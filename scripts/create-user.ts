/**
 * npm run user:create -- --email someone@paper.example --name "Their Name" [--role admin]
 * Creates a user (default role: admin). The password is asked for at the prompt, never taken from
 * the command line, so it stays out of shell history and process lists.
 */
import { parseArgs } from "node:util";
import readline from "node:readline";
import { Writable } from "node:stream";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-rules";
import { roles } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { createPrismaClient } from "@/lib/prisma-client";
import { aRole } from "@/lib/users/labels";
import { migrate, prepareEnvironment } from "./runtime";

const inputSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "Give a valid --email." })),
  name: z.string().trim().min(1, { error: "Give a --name." }),
  role: z.enum(roles, { error: `--role must be one of ${roles.join(", ")}.` }),
});

/** Reads a line without echoing it (or from stdin when it is not a terminal). */
function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) process.stdout.write(chunk);
      callback();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      if (process.stdin.isTTY) process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" } },
  });
  const parsed = inputSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(issue.message);
    process.exit(2);
  }
  prepareEnvironment({ port: Number(process.env.PORT || 3000) });
  await migrate();
  const password = await askHidden("Password: ");
  // The same rules as the desk's forms (lib/auth/password-rules.ts).
  const problem = passwordProblem(password);
  if (problem) {
    console.error(problem);
    process.exit(2);
  }
  const again = process.stdin.isTTY ? await askHidden("Password again: ") : password;
  if (again !== password) {
    console.error("The passwords do not match.");
    process.exit(2);
  }
  const prisma = createPrismaClient();
  try {
    if (await prisma.user.findUnique({ where: { email: parsed.data.email } })) {
      console.error(`A user with the email ${parsed.data.email} already exists.`);
      process.exit(2);
    }
    const { seedNewsroom } = await import("../prisma/seed");
    await seedNewsroom(prisma, { demo: false, now: new Date() });
    const passwordHash = await hashPassword(password);
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { ...parsed.data, passwordHash } });
      // No one is signed in at the command line: the entry has no actor and no address.
      await recordAudit(tx, {
        kind: "user_created",
        actorId: null,
        subject: `user:${user.id}`,
        summary: `Added ${user.name} (${user.email}) as ${aRole[parsed.data.role]}, from the command line`,
        detail: { after: { name: user.name, email: user.email, role: parsed.data.role } },
      });
    });
    console.log(`Created ${parsed.data.role} ${parsed.data.email}. They can sign in at /login.`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
