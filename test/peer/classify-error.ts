/**
 * Which errors count as "unsupported" in the peer suites: the tool's own typed errors with a clear message (an inspection
 * error counts: information_schema reported something the model cannot hold).
 */
import { ReplayError } from "../../src/migrate/replay.ts";
import { SplitError } from "../../src/migrate/split.ts";
import { InspectError } from "../../src/mysql/inspect.ts";
import { PlanError } from "../../src/mysql/plan/errors.ts";
import { DataStatementError, ParseError, SchemaStateError, UnsupportedStatementError } from "../../src/mysql/parse.ts";
import { ApplyError } from "../../src/schema/errors.ts";

const typed = [
  InspectError,
  ReplayError,
  SplitError,
  PlanError,
  ParseError,
  UnsupportedStatementError,
  DataStatementError,
  SchemaStateError,
  ApplyError,
];

/** True for an error the parser, replay or planner raised on purpose (a replay error counts when its cause does). */
export function isTypedToolError(error: unknown): boolean {
  if (error instanceof ReplayError) return error.cause === undefined || isTypedToolError(error.cause);
  return typed.some((kind) => error instanceof kind);
}
