/**
 * The peer suites in ../shared/peer-suites/ (see its README): which cases of each file are in the gate.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Where the peer suites live: `STATS_DB_PEER_SUITES` when set, else ../shared/peer-suites next to the repository. */
export const peerSuitesDir =
  process.env.STATS_DB_PEER_SUITES ?? join(import.meta.dir, "..", "..", "..", "shared", "peer-suites");

/** One (current, desired) pair of a suite. */
export interface PeerCase {
  readonly suite: SuiteName;
  readonly id: string;
  readonly current: string;
  readonly desired: string;
  /** The suite's keywords for the case (sqldef only: `table`, `index`, `view`, `trigger`, `partition`, …). */
  readonly topics: readonly string[];
}

/** The three suites of the gate. */
export type SuiteName = "sqldef" | "atlas" | "skeema";

interface SuiteFile {
  readonly file: string;
  readonly inGate: (row: Record<string, unknown>) => boolean;
}

/**
 * The sqldef cases of the gate (236): every case both of whose sides load on MariaDB 10.11, that expects no error,
 * and is not for MySQL or TiDB only (`flavor` absent, `!tidb` or `mariadb`) nor for MySQL 5.7 only. Views, triggers,
 * events, routines and partitions are in (`in_scope` marks the 189 cases without them).
 */
function sqldefInGate(row: Record<string, unknown>): boolean {
  const flavor = row.flavor ?? null;
  return (
    row.loads_on_mariadb_10_11 === true &&
    (row.error ?? null) === null &&
    (flavor === null || flavor === "!tidb" || flavor === "mariadb") &&
    row.max_version !== "5.7"
  );
}

const suiteFiles: Record<SuiteName, SuiteFile> = {
  sqldef: { file: "sqldef-mysql.jsonl", inGate: sqldefInGate },
  atlas: { file: "atlas-mysql-pairs.jsonl", inGate: (row) => row.gate === "first" },
  skeema: { file: "skeema-pairs.jsonl", inGate: (row) => row.gate === "first" },
};

/** The in-gate cases of one suite, in file order. */
export function loadSuite(suite: SuiteName): PeerCase[] {
  const text = readFileSync(join(peerSuitesDir, suiteFiles[suite].file), "utf8");
  const rows = text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return rows.filter(suiteFiles[suite].inGate).map((row) => ({
    suite,
    id: String(row.id),
    current: String(row.current ?? ""),
    desired: String(row.desired ?? ""),
    topics: Array.isArray(row.topics) ? row.topics.map(String) : [],
  }));
}
