import { beforeEach, describe, expect, it, vi } from "vitest";

const publishDueArticles = vi.fn<(now: Date, options?: { only?: string[] }) => Promise<{ id: string; late: boolean }[]>>(async () => [{ id: "a1", late: false }]);
vi.mock("./scheduler", () => ({ publishDueArticles }));

const { isTestMode, runSchedulerAsOf } = await import("./scheduler-test-hook");
const route = await import("@/app/api/test/scheduler-runs/route");

const asOf = "2030-05-01T09:00:00.000Z";
const runRequest = (body: unknown = { asOf, articleIds: ["a1"] }) =>
  new Request("http://localhost/api/test/scheduler-runs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

beforeEach(() => publishDueArticles.mockClear());

describe("the test-mode scheduler hook", () => {
  it("is on only when NEWSDESK_TEST_MODE is exactly 'on'", () => {
    expect(isTestMode({ NEWSDESK_TEST_MODE: "on" })).toBe(true);
    for (const value of [undefined, "", "off", "true", "1", "ON"]) expect(isTestMode({ NEWSDESK_TEST_MODE: value })).toBe(false);
  });

  it("answers 404 without reading the request or running anything when the server is not in test mode", async () => {
    for (const env of [{}, { NEWSDESK_TEST_MODE: "off" }, { NODE_ENV: "production" }]) {
      const request = runRequest();
      const response = await runSchedulerAsOf(request, env);
      expect(response.status).toBe(404);
      expect(request.bodyUsed).toBe(false);
    }
    expect(publishDueArticles).not.toHaveBeenCalled();
  });

  it("is the route's only way in: the route answers 404 on a server started without the variable", async () => {
    vi.stubEnv("NEWSDESK_TEST_MODE", undefined);
    try {
      expect((await route.POST(runRequest())).status).toBe(404);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(publishDueArticles).not.toHaveBeenCalled();
  });

  it("in test mode runs the real scheduler as of the given instant, for the named articles only", async () => {
    const response = await runSchedulerAsOf(runRequest(), { NEWSDESK_TEST_MODE: "on" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, published: [{ id: "a1", late: false }] });
    expect(publishDueArticles).toHaveBeenCalledExactlyOnceWith(new Date(asOf), { only: ["a1"] });
  });

  it("in test mode refuses a run without an instant or without articles, and runs nothing", async () => {
    for (const body of [{ articleIds: ["a1"] }, { asOf: "tomorrow", articleIds: ["a1"] }, { asOf, articleIds: [] }, { asOf }, "not an object"]) {
      const response = await runSchedulerAsOf(runRequest(body), { NEWSDESK_TEST_MODE: "on" });
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
    expect(publishDueArticles).not.toHaveBeenCalled();
  });
});
