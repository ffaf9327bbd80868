import { describe, expect, it } from "vitest";
import { beginImmediate, outsideTransactions, TransactionLock } from "./adapter";

/** A connection that records what it is asked to run and fails the statements it is told to. */
function fakeConnection(failing: string[] = []) {
  const ran: string[] = [];
  const run = async (query: { sql: string }) => {
    ran.push(query.sql);
    if (failing.includes(query.sql)) throw new Error(`${query.sql} failed`);
    return 0;
  };
  return {
    ran,
    adapterName: "fake",
    executeRaw: run,
    queryRaw: async (query: { sql: string }) => (await run(query), { columnNames: [], columnTypes: [], rows: [] }),
  };
}

describe("transactions on the shared connection", () => {
  it("begin IMMEDIATE, so the write lock is taken (and waited for) before anything is read", async () => {
    const connection = fakeConnection();
    const transaction = await beginImmediate(connection, new TransactionLock());
    await transaction.commit();
    expect(connection.ran).toEqual(["BEGIN IMMEDIATE", "COMMIT"]);
    expect(transaction.options.usePhantomQuery).toBe(true);
  });

  it("run one at a time: the second begins only when the first has ended", async () => {
    const connection = fakeConnection();
    const lock = new TransactionLock();
    const first = await beginImmediate(connection, lock);
    let secondStarted = false;
    const second = beginImmediate(connection, lock).then((transaction) => ((secondStarted = true), transaction));
    await first.queryRaw({ sql: "SELECT 1", args: [], argTypes: [] });
    await Promise.resolve();
    expect(secondStarted).toBe(false);
    await first.rollback();
    await (await second).commit();
    expect(connection.ran).toEqual(["BEGIN IMMEDIATE", "SELECT 1", "ROLLBACK", "BEGIN IMMEDIATE", "COMMIT"]);
  });

  it("roll back and release the lock when COMMIT fails, so the next transaction still runs", async () => {
    const connection = fakeConnection(["COMMIT"]);
    const lock = new TransactionLock();
    const failed = await beginImmediate(connection, lock);
    await expect(failed.commit()).rejects.toThrow("COMMIT failed");
    const next = await beginImmediate(fakeConnection(), lock);
    await next.rollback();
    expect(connection.ran).toEqual(["BEGIN IMMEDIATE", "COMMIT", "ROLLBACK"]);
  });

  it("release the lock when BEGIN itself fails (another process kept the lock past the busy timeout)", async () => {
    const lock = new TransactionLock();
    await expect(beginImmediate(fakeConnection(["BEGIN IMMEDIATE"]), lock)).rejects.toThrow("BEGIN IMMEDIATE failed");
    const next = await beginImmediate(fakeConnection(), lock);
    await next.commit();
  });

  it("keep every other statement out of an open transaction: it runs after the transaction ends", async () => {
    const connection = fakeConnection();
    const lock = new TransactionLock();
    const transaction = await beginImmediate(connection, lock);
    const outside = outsideTransactions(lock, () => connection.executeRaw({ sql: "UPDATE claim" }));
    await transaction.queryRaw({ sql: "INSERT event", args: [], argTypes: [] });
    await new Promise((resolve) => setImmediate(resolve));
    expect(connection.ran).toEqual(["BEGIN IMMEDIATE", "INSERT event"]);
    await transaction.rollback();
    await outside;
    expect(connection.ran).toEqual(["BEGIN IMMEDIATE", "INSERT event", "ROLLBACK", "UPDATE claim"]);
  });
});
