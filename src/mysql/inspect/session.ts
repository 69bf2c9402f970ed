/**
 * Session statements used around a dev-database replay: foreign key checks off while files that may reference
 * tables created later are executed (the offline replay does not check references either), and back on.
 */

/** Turns foreign key checks off for the session. */
export const FOREIGN_KEY_CHECKS_OFF = "SET FOREIGN_KEY_CHECKS = 0";

/** Turns foreign key checks back on for the session. */
export const FOREIGN_KEY_CHECKS_ON = "SET FOREIGN_KEY_CHECKS = 1";
