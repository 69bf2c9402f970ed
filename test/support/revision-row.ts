/** A revisions-table row for unit tests: an executed, finished file with Atlas's defaults, overridden by `extra`. */
import type { Revision } from "../../src/migrate/revisions.ts";

export function revisionRow(version: string, extra: Partial<Revision> = {}): Revision {
  return {
    version,
    description: "",
    type: 2,
    applied: 1,
    total: 1,
    executedAt: new Date(0),
    executionTime: 0,
    error: "",
    errorStmt: "",
    hash: "",
    partialHashes: null,
    operatorVersion: "",
    ...extra,
  };
}
