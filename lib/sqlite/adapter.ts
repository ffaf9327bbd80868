/**
 * Prisma's better-sqlite3 driver adapter, with the connection set up as lib/sqlite/connection.ts
 * says and transactions that survive other processes using the file.
 *
 * Two things in the stock adapter (6.19) lose writes when another process holds a lock:
 *
 * - It begins transactions with a plain (deferred) `BEGIN`. A transaction that reads first and
 *   writes second must then upgrade its read lock, and SQLite answers SQLITE_BUSY at once, without
 *   waiting out the busy timeout, when another process is writing. `BEGIN IMMEDIATE` takes the
 *   write lock first, where the busy timeout does apply.
 * - When `COMMIT` fails, the adapter never releases its transaction lock and the connection stays
 *   inside the failed transaction: every later transaction waits forever and every later write
 *   joins a transaction nobody commits (an open upstream Prisma issue).
 *
 * So transactions are ours: a lock of our own serializes them on the one connection, each begins
 * IMMEDIATE, and a commit that fails rolls back and releases the lock before the error goes on.
 * They use the driver's documented "phantom query" option: Prisma then calls commit() and
 * rollback() and leaves the SQL to the driver. Everything else passes through to the stock
 * adapter. When Prisma's adapter does both itself, this file can go.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { connectionOptions, writerPragmas } from "./connection";

type DriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<DriverAdapter["startTransaction"]>>;
type SqlQuery = Parameters<DriverAdapter["queryRaw"]>[0];
type Queryable = Pick<DriverAdapter, "queryRaw" | "executeRaw">;

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/** A first-come, first-served lock: acquire() resolves with the function that releases it. */
export class TransactionLock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const turn = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return turn;
  }
}

/** One transaction on the shared connection; it holds the lock from BEGIN until it ends. */
export class ImmediateTransaction implements Transaction {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly options = { usePhantomQuery: true };
  #connection: Queryable;
  #release: (() => void) | null;

  constructor(connection: Queryable & { adapterName: string }, release: () => void) {
    this.#connection = connection;
    this.#release = release;
    this.adapterName = connection.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.#connection.queryRaw(query);
  }

  executeRaw(query: SqlQuery) {
    return this.#connection.executeRaw(query);
  }

  async commit() {
    try {
      await this.#connection.executeRaw(statement("COMMIT"));
    } catch (error) {
      // SQLite keeps a transaction open when COMMIT fails: end it, so the next one starts clean.
      await this.#connection.executeRaw(statement("ROLLBACK")).catch(() => undefined);
      throw error;
    } finally {
      this.#end();
    }
  }

  async rollback() {
    try {
      await this.#connection.executeRaw(statement("ROLLBACK"));
    } finally {
      this.#end();
    }
  }

  #end() {
    this.#release?.();
    this.#release = null;
  }
}

/** Begins an IMMEDIATE transaction on the connection once the lock is ours. */
export async function beginImmediate(connection: Queryable & { adapterName: string }, lock: TransactionLock): Promise<Transaction> {
  const release = await lock.acquire();
  try {
    await connection.executeRaw(statement("BEGIN IMMEDIATE"));
  } catch (error) {
    release();
    throw error;
  }
  return new ImmediateTransaction(connection, release);
}

/**
 * A statement outside any transaction, run once no transaction holds the connection. The one
 * connection is shared: run while another caller's transaction is open (between its BEGIN and its
 * COMMIT, while it awaits), a read would see that transaction's uncommitted rows, and a write would
 * join it and be rolled back with it (an outbox claim undone, so the email could go twice).
 */
export async function outsideTransactions<T>(lock: TransactionLock, run: () => Promise<T>): Promise<T> {
  const release = await lock.acquire();
  try {
    return await run();
  } finally {
    release();
  }
}

function withOurTransactions(adapter: DriverAdapter): DriverAdapter {
  const lock = new TransactionLock();
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => outsideTransactions(lock, () => adapter.queryRaw(query)),
    executeRaw: (query) => outsideTransactions(lock, () => adapter.executeRaw(query)),
    executeScript: (script) => outsideTransactions(lock, () => adapter.executeScript(script)),
    startTransaction: async (isolationLevel) => {
      // SQLite transactions are always serializable; the stock adapter refuses any other level too.
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") return adapter.startTransaction(isolationLevel);
      return beginImmediate(adapter, lock);
    },
    dispose: () => adapter.dispose(),
  };
}

/** The factory Prisma is given: the stock one's connections, set up and with our transactions. */
export class NewsdeskSQLiteAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  #stock: PrismaBetterSQLite3;

  constructor(url: string) {
    this.#stock = new PrismaBetterSQLite3({ url, ...connectionOptions });
    this.adapterName = this.#stock.adapterName;
  }

  async connect(): Promise<DriverAdapter> {
    const adapter = await this.#stock.connect();
    await adapter.executeScript(writerPragmas);
    return withOurTransactions(adapter);
  }

  async connectToShadowDb(): Promise<DriverAdapter> {
    return withOurTransactions(await this.#stock.connectToShadowDb());
  }
}
