/**
 * The database behind every DB test: `STATS_DB_TEST_URL` when set, else one private MariaDB per `bun test` run,
 * started when this module is first imported and stopped (and its temp dir removed) when the run ends.
 */
import { randomBytes } from "node:crypto";
import { type Connection, createConnection } from "mysql2/promise";
import { connect, type Connection as DbConnection } from "../../src/db/connect.ts";
import { PrivateServer } from "./private-server.ts";
import { fullLaneOnly } from "./lane.ts";
import { findServerBinaries } from "./server-binaries.ts";

fullLaneOnly("the test database (test/support/mariadb.ts)");

/** What a test gets inside `withTestDatabase`: the database's URL and name, and a connection using it. */
export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  readonly conn: Connection;
}

/** Thrown by restart/kill when the tests run against an external server (STATS_DB_TEST_URL). */
export class ExternalServerError extends Error {
  /** The operation that needs a private server. */
  readonly operation: string;

  constructor(operation: string) {
    super(`${operation} needs the private test server; it is not possible with STATS_DB_TEST_URL set`);
    this.name = "ExternalServerError";
    this.operation = operation;
  }
}

let privateServer: Promise<PrivateServer> | undefined;
let databaseCounter = 0;

/** The base URL (no database) of the test server; (re)starts the private server when it is not running. */
export async function testServerUrl(): Promise<string> {
  const external = process.env.STATS_DB_TEST_URL;
  if (external !== undefined && external !== "") return baseUrl(external);
  const server = await ensurePrivateServer();
  if (!server.running) await server.start();
  return server.url;
}

/** Creates a uniquely named database, runs `fn` with it, and drops it afterwards, also when `fn` fails. */
export async function withTestDatabase(fn: (db: TestDatabase) => Promise<void>): Promise<void> {
  const name = `stats_test_${process.pid}_${++databaseCounter}_${randomBytes(3).toString("hex")}`;
  await adminQuery(`CREATE DATABASE \`${name}\``);
  const url = `${await testServerUrl()}/${name}`;
  let conn: Connection | undefined;
  let failed = false;
  try {
    conn = await createConnection({ uri: url });
    await fn({ url, name, conn });
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    conn?.destroy();
    await dropDatabase(name, failed);
  }
}

/** withTestDatabase with the project's own connection (src/db/connect.ts) to the database, closed afterwards. */
export async function withTestConnection(
  fn: (conn: DbConnection, name: string, url: string) => Promise<void>,
): Promise<void> {
  await withTestDatabase(async ({ url, name }) => {
    const conn = await connect(url);
    try {
      await fn(conn, name, url);
    } finally {
      await conn.close();
    }
  });
}

/** Stops the private server gracefully and starts it again on the same data directory and port. */
export async function restartTestServer(): Promise<void> {
  const server = await privateServerFor("restartTestServer");
  await server.stop();
  await server.start();
}

/** Kills the private server with SIGKILL (a crash); the next `testServerUrl` or restart brings it back. */
export async function killTestServer(): Promise<void> {
  const server = await privateServerFor("killTestServer");
  await server.kill();
}

/**
 * Starts the private server while the first DB test file loads, outside any test: bun test (1.4.5) gives each test
 * 5 s unless the test says otherwise (bunfig has no timeout setting), and it kills the processes a timed-out test
 * spawned; a first start inside a test could hit both.
 */
async function startOnImport(): Promise<void> {
  if (process.env.STATS_DB_TEST_URL) return;
  try {
    await ensurePrivateServer();
  } catch {
    // Remembered by ensurePrivateServer: every DB test fails with this error, other tests in the file still run.
  }
}

await startOnImport();

async function privateServerFor(operation: string): Promise<PrivateServer> {
  if (process.env.STATS_DB_TEST_URL) throw new ExternalServerError(operation);
  return ensurePrivateServer();
}

function ensurePrivateServer(): Promise<PrivateServer> {
  // One server per process; a failed start is remembered so every DB test fails fast with the same error.
  privateServer ??= Promise.resolve().then(() => PrivateServer.create(findServerBinaries()));
  return privateServer;
}

async function dropDatabase(name: string, testFailed: boolean): Promise<void> {
  try {
    await adminQuery(`DROP DATABASE IF EXISTS \`${name}\``);
  } catch (error) {
    // The test's own failure is the one worth reporting; a failed drop only matters after a passing test.
    if (!testFailed) throw error;
  }
}

async function adminQuery(sql: string): Promise<void> {
  const conn = await createConnection({ uri: await testServerUrl() });
  try {
    await conn.query(sql);
  } finally {
    await conn.end();
  }
}

function baseUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = "";
  parsed.search = "";
  return parsed.toString().replace(/\/$/, "");
}
