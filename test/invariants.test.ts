/**
 * docs/architecture.md's invariants, offline, on every fixture pair and both flavours:
 * applyChanges(a, diff(a, b)) ≡ b, and applyChanges(a, parse(plan(diff(a, b)))) ≡ b (the plan replayed as SQL).
 */
import { describe, expect, test } from "bun:test";
import { formatMigrationFile } from "../src/migrate/dir/name.ts";
import { replaySql } from "../src/migrate/replay.ts";
import { mariadb, mysql8 } from "../src/mysql/flavor.ts";
import { plan } from "../src/mysql/plan.ts";
import { applyChanges } from "../src/schema/apply.ts";
import { diff } from "../src/schema/diff.ts";
import { schemasEqual } from "../src/schema/equal.ts";
import { loadPair, pairNames, withRenames } from "./support/pairs.ts";

for (const flavor of [mariadb, mysql8]) {
  describe(`invariants on ${flavor.name}`, () => {
    for (const name of pairNames()) {
      test(name, () => {
        const pair = loadPair(name);
        const a = replaySql(pair.current, flavor);
        const b = withRenames(replaySql(pair.desired, flavor), pair.renames);
        const changes = diff(a, b);
        expect(changes.length).toBeGreaterThan(0);
        expect(schemasEqual(applyChanges(a, changes), b)).toBe(true);
        const file = formatMigrationFile(plan(changes, flavor, { current: a }));
        expect(schemasEqual(replaySql(file, flavor, a), b)).toBe(true);
        expect(diff(b, b)).toEqual([]);
      });
    }
  });
}
