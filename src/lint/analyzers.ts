/**
 * The analyzers of a lint run, in report order: Atlas's MySQL set (destructive, data_depend, condrop, incompatible,
 * inline REFERENCES) followed by this project's (enum/set members, blocking DDL, schema only).
 */
import type { Analyzer } from "./analyzer.ts";
import { blocking } from "./blocking.ts";
import { condrop } from "./condrop.ts";
import { dataDepend } from "./data-depend.ts";
import { destructive } from "./destructive.ts";
import { enumSet } from "./enum-set.ts";
import { incompatible } from "./incompatible.ts";
import { inlineRefs } from "./inline-refs.ts";
import { schemaOnly } from "./schema-only.ts";

/** Every analyzer, in the order their reports appear. */
export const analyzers: readonly Analyzer[] = [
  destructive,
  dataDepend,
  condrop,
  incompatible,
  inlineRefs,
  enumSet,
  blocking,
  schemaOnly,
];
