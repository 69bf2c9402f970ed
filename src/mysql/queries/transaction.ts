/**
 * The transaction statements `migrate apply` wraps files in (per file, or all files at once).
 */

/** Starts a transaction. */
export const BEGIN = "BEGIN";

/** Commits the open transaction. */
export const COMMIT = "COMMIT";

/** Rolls the open transaction back. */
export const ROLLBACK = "ROLLBACK";
