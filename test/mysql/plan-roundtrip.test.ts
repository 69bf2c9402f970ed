import { describe, expect, test } from "bun:test";
import { mariadb } from "../../src/mysql/flavor.ts";
import { parse } from "../../src/mysql/parse.ts";
import { orderChanges } from "../../src/mysql/plan/order.ts";
import { applyChanges } from "../../src/schema/apply.ts";
import { comparableSchema } from "../../src/schema/equal.ts";
import { alterCases } from "./plan/cases-alter.ts";
import { createCases } from "./plan/cases-create.ts";
import { orderCases } from "./plan/cases-order.ts";
import { currentSchema, type PlanCase, planCase } from "./plan/fixtures.ts";

// The parser needs the tables an ALTER changes, so cases that alter tables without stating them cannot be replayed.
const replayable = (c: PlanCase) =>
  !("error" in c.want) && (c.current !== undefined || c.changes.every((x) => x.kind !== "ModifyTable"));

describe("plan → parse → applyChanges gives the same schema as applying the changes", () => {
  const cases = [...createCases, ...alterCases, ...orderCases].filter(replayable);
  test("most golden cases are replayed", () => expect(cases.length).toBeGreaterThanOrEqual(40));
  for (const c of cases) {
    test(c.name, () => {
      const flavor = c.flavor ?? mariadb;
      let schema = currentSchema(c);
      for (const s of planCase(c)) schema = applyChanges(schema, parse(s.sql, { flavor, schema }));
      expect(comparableSchema(schema)).toEqual(
        comparableSchema(applyChanges(currentSchema(c), orderChanges(c.changes))),
      );
    });
  }
});
