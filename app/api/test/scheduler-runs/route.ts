import { runSchedulerAsOf } from "@/lib/articles/scheduler-test-hook";

export const dynamic = "force-dynamic";

/** Test mode only (lib/articles/scheduler-test-hook.ts): 404 on any server not started for the end-to-end tests. */
export function POST(request: Request) {
  return runSchedulerAsOf(request);
}
