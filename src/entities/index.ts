/**
 * The entity DSL: declare tables with `table()` and the `col` builders; `Static<typeof t.row>` is the row type.
 */
export { col, sql } from "./columns.ts";
export type { ColumnOptions, IntegerOptions, SqlExpr, TextOptions } from "./columns.ts";
export { table, isTableDef } from "./table.ts";
export { hash, key, list, monthly, range } from "./partitions.ts";
export type { ListPartitionSpec, PartitionKey, PartitionSpec, RangePartitionSpec } from "./partitions.ts";
export type { CheckSpec, ForeignKeySpec, IndexSpec, TableDef, TableSpec } from "./table.ts";
export { entitiesToSchema } from "./to-schema.ts";
export { isViewDef, view, viewProblems } from "./view.ts";
export type { ViewDef, ViewSpec } from "./view.ts";
export { event, isObjectDef, objectsToSchema, routine, trigger, validateObjects } from "./objects.ts";
export type {
  EventDef,
  EventSpec,
  ObjectDef,
  ParamSpec,
  RoutineDef,
  RoutineSpec,
  TriggerDef,
  TriggerSpec,
} from "./objects.ts";
export { EntityError, validateEntities } from "./validate.ts";
export type { KeyLimits } from "./server-limits.ts";
