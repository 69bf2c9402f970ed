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
}

/** The three suites of the gate. */
export type SuiteName = "sqldef" | "atlas" | "skeema";

interface SuiteFile {
  readonly file: string;
  readonly inGate: (row: Record<string, unknown>) => boolean;
}

const suiteFiles: Record<SuiteName, SuiteFile> = {
  sqldef: { file: "sqldef-mysql.jsonl", inGate: (row) => row.in_scope === true },
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
  }));
}
