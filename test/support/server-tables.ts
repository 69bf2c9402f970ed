/**
 * Loading SQL into a test database and reading its tables back as the server shows them: what the round-trip tests
 * (test/roundtrip.test.ts and the peer gate) compare.
 */
import type { Connection } from "mysql2/promise";
import { splitStatements } from "../../src/migrate/split.ts";

/** Runs every statement of a SQL text, foreign key checks off (so tables may reference tables created later). */
export async function loadSql(conn: Connection, sql: string): Promise<void> {
  await conn.query("SET FOREIGN_KEY_CHECKS=0");
  for (const stmt of splitStatements(sql)) await conn.query(stmt.text);
  await conn.query("SET FOREIGN_KEY_CHECKS=1");
}

/** SHOW CREATE TABLE with only the AUTO_INCREMENT=n counter removed. */
export function withoutAutoIncrement(text: string): string {
  return text.replace(/ AUTO_INCREMENT=\d+/, "");
}

/** SHOW CREATE TABLE of every base table by name (in name order), each passed through `normalise`. */
export async function showCreateTables(
  conn: Connection,
  normalise: (text: string) => string = withoutAutoIncrement,
): Promise<Map<string, string>> {
  const [rows] = await conn.query("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'");
  const names = (rows as Record<string, string>[]).map((row) => String(Object.values(row)[0])).sort();
  const out = new Map<string, string>();
  for (const name of names) {
    const [created] = await conn.query(`SHOW CREATE TABLE \`${name.replaceAll("`", "``")}\``);
    out.set(name, normalise(String((created as Record<string, string>[])[0]?.["Create Table"])));
  }
  return out;
}
