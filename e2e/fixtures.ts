/**
 * Playwright fixtures for journeys that need a world of their own:
 *
 * - `desk` (one per worker): the desk's commands on the test database (newsroom-data.ts).
 * - `people` (one per test): people made for this test alone through the admin's own command, and
 *   deactivated, as an admin would, when it ends. A journey that locks an account out, ends its
 *   sessions, changes its password or fills its desk does it to its own people, never to the demo
 *   accounts that every other journey signs in as at the same time. (Editors and admins among them
 *   set up a second factor at their first sign-in: support.ts's setUpSecondFactor.)
 */
import { expect, test as base } from "@playwright/test";
import { Desk } from "./newsroom-data";
import { newcomer, type Newcomer, type Role } from "./support";

export type Person = Newcomer & { id: string; role: Role };

export type People = {
  /** Someone new in the newsroom, e.g. `add("reporter", "Nora", "Guarded")`; gone when the test ends. */
  add(role: Role, first: string, surname: string): Promise<Person>;
};

export const test = base.extend<{ people: People; closeOpenedContexts: void }, { desk: Desk }>({
  /**
   * Closes every browser context the test opened itself (browser.newContext, browser.newPage,
   * support.ts's pageAs), as the `context` fixture's own is closed. Playwright leaves them open
   * until the worker ends, and their desk pages went on polling the server and running their
   * timers: by the middle of a run each browser had dozens of such pages, and journeys ran two to
   * four times slower than alone.
   */
  closeOpenedContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(browser.contexts().filter((context) => !before.has(context)).map((context) => context.close()));
    },
    { auto: true },
  ],
  desk: [
    async ({}, provide, workerInfo) => {
      const desk = await Desk.start(workerInfo.project.name);
      await provide(desk);
      await desk.stop();
    },
    { scope: "worker" },
  ],
  people: async ({ desk }, provide) => {
    const added: Person[] = [];
    await provide({
      async add(role, first, surname) {
        const person = newcomer(first, surname);
        const { id } = await desk.run("addPerson", { ...person, role });
        added.push({ ...person, id, role });
        return added.at(-1)!;
      },
    });
    for (const person of added) await desk.run("deactivatePerson", { userId: person.id });
  },
});

export { expect };
