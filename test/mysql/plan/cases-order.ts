import type { PlanCase } from "./fixtures.ts";
/** placeholder */
export const orderCases: PlanCase[] = [];
