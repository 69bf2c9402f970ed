/**
 * The concurrent writer of `bench:online`: inserts and updates a roll-up table at a fixed rate on its own connection,
 * as an application does — a write that fails with a deadlock, a lock-wait timeout, a changed table definition or a
 * lost connection is retried until it succeeds. On "stop" (stdin) it prints one JSON line: every write it made (to be
 * checked against the table), its retries and its longest write (first attempt to success).
 *
 *   bun bench/lib/online-writer.ts <url> <rows> <writes per second>
 */
import process from "node:process";
import { type Connection, createConnection } from "mysql2/promise";

const [url, rowsArg, rateArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const interval = 1000 / Number(rateArg);
const RETRY = new Set([1205, 1213, 1412, 1146, 1317, 2006, 2013]);

let conn: Connection = await createConnection({ uri: url! });
let stopping = false;
process.stdin.on("data", (d) => {
  if (String(d).includes("stop")) stopping = true;
});

const inserted: [number, number][] = [];
const updated = new Map<number, number>();
let retries = 0;
let longestMs = 0;
const errors: string[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function write(sql: string, params: unknown[]): Promise<void> {
  const t0 = performance.now();
  for (;;) {
    try {
      await conn.query(sql, params);
      longestMs = Math.max(longestMs, performance.now() - t0);
      return;
    } catch (e) {
      const errno = (e as { errno?: number }).errno ?? 0;
      const fatal = (e as { fatal?: boolean }).fatal === true;
      if (!RETRY.has(errno) && !fatal) throw e;
      retries++;
      if (errors.length < 5) errors.push(`${errno}: ${(e as Error).message}`);
      if (fatal) conn = await createConnection({ uri: url! }).catch(() => conn);
      await sleep(10);
    }
  }
}

const start = performance.now();
let n = 0;
let next = 0;
while (!stopping) {
  const wait = start + n * interval - performance.now();
  if (wait > 0) await sleep(wait);
  n++;
  if (n % 2 === 0) {
    next++;
    const id = rows + next;
    await write("INSERT INTO rollup (id, day, page_id, hits) VALUES (?, '2027-01-01', ?, ?)", [id, id, next]);
    inserted.push([id, next]);
  } else {
    const id = 1 + Math.floor(Math.random() * rows);
    await write("UPDATE rollup SET hits = hits + 1 WHERE id = ?", [id]);
    updated.set(id, (updated.get(id) ?? 0) + 1);
  }
}
conn.destroy();
const result = { writes: n, retries, longestMs, inserted, updated: [...updated], errors };
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
