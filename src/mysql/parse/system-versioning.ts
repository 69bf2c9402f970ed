/**
 * MariaDB system versioning, which the model does not cover: a statement that turns it on or off is refused with one
 * clear line (a live system-versioned table is reported as "not managed", never planned).
 */
import type { Cursor } from "../cursor.ts";
import { UnsupportedStatementError } from "./errors.ts";

/** Throws at `WITH SYSTEM VERSIONING` (a CREATE TABLE option) or `ADD|DROP SYSTEM VERSIONING` (an ALTER TABLE clause). */
export function refuseSystemVersioning(cur: Cursor): void {
  const at = cur.peek();
  if (["WITH", "ADD", "DROP"].some((w) => cur.isWord(w, "SYSTEM", "VERSIONING"))) {
    throw new UnsupportedStatementError(
      `${at.value.toUpperCase()} SYSTEM VERSIONING (system-versioned tables are not managed)`,
      at.line,
      at.column,
    );
  }
}
