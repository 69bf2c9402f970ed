/**
 * The clause type of an ALTER TABLE before rendering, shared by the rewrites (alter-items.ts, column-checks.ts), the
 * split (alter-split.ts) and the renderer (alter-clauses.ts).
 */
import type { ColumnPosition, TableChange } from "../../schema/changes.ts";
import type { Check, Column, Index } from "../../schema/model.ts";

/** One clause of an ALTER TABLE before rendering: a table change, or a rewrite of some of them. */
export type AlterItem =
  | TableChange
  /** `CHANGE COLUMN from <column>`: a rename with the column's full (new) definition. */
  | {
      readonly kind: "ChangeColumn";
      readonly from: string;
      readonly column: Column;
      readonly position?: ColumnPosition;
    }
  /** `ALTER CHECK n [NOT] ENFORCED`. */
  | { readonly kind: "AlterCheck"; readonly check: Check }
  /** `ALTER INDEX n INVISIBLE|VISIBLE` (MySQL) / `IGNORED|NOT IGNORED` (MariaDB): only the visibility changes. */
  | { readonly kind: "AlterIndex"; readonly index: Index };
