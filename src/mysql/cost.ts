/**
 * What a statement costs before it runs: the algorithm per flavour, whether writers wait, the pin clause, and the
 * tables' sizes (`cost/`).
 */
export { ALGORITHMS, type Algorithm, type ChangeCost, changeCosts, type LockLevel } from "./cost/rules.ts";
export { pinClause, type StatementCost, statementCost } from "./cost/statement.ts";
export { pinStatement } from "./cost/pin.ts";
export { formatBytes, type TableSize, tableSizes } from "./cost/sizes.ts";
export { type AlterBody, alterBody } from "./cost/alter-body.ts";
