/**
 * MySQL/MariaDB differences the planner needs that `Flavor` does not name yet, kept in one place so they can
 * move into `Flavor` as capabilities without touching the renderers.
 */
import type { Flavor } from "../flavor.ts";

/** True when a generated column may carry NULL/NOT NULL (MySQL); MariaDB rejects it. */
export function generatedNullability(flavor: Flavor): boolean {
  return flavor.name === "mysql";
}

/** True when CHECK constraints take `[NOT] ENFORCED` (MySQL ≥ 8.0.16); MariaDB always enforces them. */
export function checkEnforcement(flavor: Flavor): boolean {
  return flavor.name === "mysql";
}

/** The ALTER TABLE words that drop a CHECK constraint: MySQL `DROP CHECK`, MariaDB `DROP CONSTRAINT`. */
export function dropCheckWords(flavor: Flavor): string {
  return flavor.name === "mysql" ? "DROP CHECK" : "DROP CONSTRAINT";
}

/** True when a CHECK named after a column is that column's own, written inside its definition (MariaDB shows it there and drops it with MODIFY). */
export function columnLevelChecks(flavor: Flavor): boolean {
  return flavor.name === "mariadb";
}
