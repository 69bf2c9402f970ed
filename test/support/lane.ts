/**
 * The guard of the unit lane (`bun run test:unit`, see test/lanes.ts): what only the full lane may do — start a
 * database server, run the CLI or a built binary as a subprocess, run Deno — calls `fullLaneOnly` first, so a test
 * file listed in the wrong lane fails with a line saying where it belongs instead of making the fast lane slow.
 */

/** The environment variable test/lanes.ts sets for the unit lane. */
export const LANE_ENV = "STATS_DB_TEST_LANE";

/** Throws when running in the unit lane; `what` names what the test reached for. */
export function fullLaneOnly(what: string): void {
  if (process.env[LANE_ENV] === "unit") {
    throw new Error(`${what} is not available in the unit lane: list this test file in FULL_LANE in test/lanes.ts`);
  }
}
