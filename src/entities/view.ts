/**
 * The view DSL: `view("name", sql\`SELECT …\`, { algorithm, security, checkOption, definer })`. The SELECT is kept
 * as written; the dialect layer turns it into its normal form like every other source.
 */
import type { View, ViewAlgorithm, ViewCheckOption } from "../schema/model.ts";
import type { SqlExpr } from "./columns.ts";

/** A view's options; each absent one is the server's default (UNDEFINED, DEFINER, no check option, the connected user). */
export interface ViewSpec {
  readonly algorithm?: ViewAlgorithm | "UNDEFINED";
  readonly security?: "DEFINER" | "INVOKER";
  readonly checkOption?: ViewCheckOption;
  /** `user@host`; declare it only to pin the definer (otherwise the plan leaves it out). */
  readonly definer?: string;
}

/** A declared view. */
export interface ViewDef extends ViewSpec {
  readonly kind: "view";
  readonly name: string;
  readonly select: string;
}

/** Declares a view over the entities' tables (or other views). */
export function view(name: string, select: SqlExpr | string, spec: ViewSpec = {}): ViewDef {
  return { kind: "view", name, select: typeof select === "string" ? select : select.sql, ...spec };
}

/** True for a value made by `view()`. */
export function isViewDef(v: unknown): v is ViewDef {
  return (
    typeof v === "object" &&
    v !== null &&
    (v as { kind?: unknown }).kind === "view" &&
    typeof (v as { name?: unknown }).name === "string"
  );
}

/** One declared view as a (not yet normalised) model view. */
export function viewToModel(v: ViewDef): View {
  return {
    name: v.name,
    definition: v.select,
    ...(v.algorithm && v.algorithm !== "UNDEFINED" ? { algorithm: v.algorithm } : {}),
    ...(v.security === "INVOKER" ? { security: "INVOKER" as const } : {}),
    ...(v.checkOption ? { checkOption: v.checkOption } : {}),
    ...(v.definer ? { definer: v.definer } : {}),
  };
}

/** Problems with declared views: a missing SELECT, or a name used twice or by a table. */
export function viewProblems(views: readonly ViewDef[], tableNames: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set(tableNames);
  for (const v of views) {
    if (!v.select.trim()) problems.push(`view "${v.name}": the SELECT is empty`);
    if (seen.has(v.name)) problems.push(`view "${v.name}": the name is already used by a table or another view`);
    seen.add(v.name);
  }
  return problems;
}
