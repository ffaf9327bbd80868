/**
 * A separate Node process that signs in through the real attemptSignIn() on the database named by
 * DATABASE_URL, the way a second server process would. Run by sign-in-throttle.test.ts:
 *   node --conditions=react-server --import tsx tests/integration/sign-in-worker.ts EMAIL PASSWORD TIMES
 * Prints one JSON line: each attempt's outcome and how many bcrypt checks this process ran.
 */
import { attemptSignIn } from "@/lib/auth/sign-in";
import { passwordChecksRun } from "@/lib/auth/password";
import { db } from "@/lib/db";

async function main() {
  const [email = "", password = "", times = "1"] = process.argv.slice(2);
  const outcomes: string[] = [];
  for (let index = 0; index < Number(times); index++) {
    const outcome = await attemptSignIn({ email, password, address: "203.0.113.9", userAgent: "worker", now: new Date() });
    outcomes.push(outcome.ok ? "ok" : outcome.reason);
  }
  console.log(JSON.stringify({ outcomes, checks: passwordChecksRun() }));
  await db.$disconnect();
}

void main();
