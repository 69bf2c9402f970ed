import { describe, expect, test } from "bun:test";
import { PlanError } from "../../src/mysql/plan.ts";
import { alterCases } from "./plan/cases-alter.ts";
import { createCases } from "./plan/cases-create.ts";
import { orderCases } from "./plan/cases-order.ts";
import { type PlanCase, planCase } from "./plan/fixtures.ts";

function run(cases: readonly PlanCase[]) {
  for (const c of cases) {
    test(c.name, () => {
      const want = c.want;
      if ("error" in want) {
        let caught: unknown;
        try {
          planCase(c);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(PlanError);
        const e = caught as PlanError;
        expect(e.message).toMatch(want.error);
        expect(e.table).toBe(want.table);
        expect(e.column).toBe(want.column);
        return;
      }
      expect(planCase(c).map((s) => `${s.comment}: ${s.sql}`)).toEqual([...want]);
    });
  }
}

describe("plan: CREATE/DROP TABLE", () => run(createCases));
describe("plan: ALTER TABLE", () => run(alterCases));
describe("plan: ordering", () => run(orderCases));
