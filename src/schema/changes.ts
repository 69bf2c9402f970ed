/**
 * The change list: the one type every path through the tool meets in. A closed family of small records,
 * discriminated on `kind`; every switch over it ends in `assertNever`.
 */
import type {
  Check,
  Column,
  ForeignKey,
  Index,
  Partition,
  Partitioning,
  PrimaryKey,
  Table,
  TableOptions,
  View,
} from "./model.ts";
import type { StorageOptionKey } from "./table-options.ts";
import type { Routine, ScheduledEvent, Trigger } from "./objects.ts";

/** Where an added or moved column goes: after a named column, or first. Absent means at the end. */
export type ColumnPosition = { readonly after: string } | { readonly first: true };

/** A change inside one table (the clauses of one ALTER TABLE). */
export type TableChange =
  /** Add a column. */
  | { readonly kind: "AddColumn"; readonly column: Column; readonly position?: ColumnPosition }
  /** Drop a column. */
  | { readonly kind: "DropColumn"; readonly column: Column }
  /** Change a column's definition (and/or its position), keeping its name. */
  | { readonly kind: "ModifyColumn"; readonly from: Column; readonly to: Column; readonly position?: ColumnPosition }
  /** Rename a column; a definition change that goes with it is a separate ModifyColumn on the new name. */
  | { readonly kind: "RenameColumn"; readonly from: string; readonly to: string }
  /** Add a secondary index. */
  | { readonly kind: "AddIndex"; readonly index: Index }
  /** Drop a secondary index. */
  | { readonly kind: "DropIndex"; readonly index: Index }
  /** Rename a secondary index, definition unchanged. */
  | { readonly kind: "RenameIndex"; readonly from: string; readonly to: string }
  /** Add the primary key. */
  | { readonly kind: "AddPrimaryKey"; readonly primaryKey: PrimaryKey }
  /** Drop the primary key. */
  | { readonly kind: "DropPrimaryKey"; readonly primaryKey: PrimaryKey }
  /** Add a foreign key. */
  | { readonly kind: "AddForeignKey"; readonly foreignKey: ForeignKey }
  /** Drop a foreign key. */
  | { readonly kind: "DropForeignKey"; readonly foreignKey: ForeignKey }
  /** Add a CHECK constraint. */
  | { readonly kind: "AddCheck"; readonly check: Check }
  /** Drop a CHECK constraint. */
  | { readonly kind: "DropCheck"; readonly check: Check }
  /**
   * Change table options (only the keys present in `to` change; `comment: ""` clears the comment; the storage
   * options named in `reset` go back to the server's default).
   */
  | {
      readonly kind: "ModifyOptions";
      readonly from: TableOptions;
      readonly to: TableOptions;
      readonly reset?: readonly StorageOptionKey[];
    }
  /**
   * Convert every character column and the table default to a charset/collation (CONVERT TO CHARACTER SET);
   * `widened`: the text columns the server widens on the way to hold as many characters (`text` → `mediumtext`).
   */
  | {
      readonly kind: "ConvertCharset";
      readonly charset: string;
      readonly collate: string;
      readonly widened?: readonly { readonly column: string; readonly type: string }[];
    }
  /** Partition the table anew (`PARTITION BY …`, a rebuild) or, with `to` absent, `REMOVE PARTITIONING`. */
  | { readonly kind: "SetPartitioning"; readonly from?: Partitioning; readonly to?: Partitioning }
  /** `ADD PARTITION (…)`: partitions appended after the last one. */
  | { readonly kind: "AddPartitions"; readonly partitions: readonly Partition[] }
  /** `DROP PARTITION …`: the partitions and the rows in them. */
  | { readonly kind: "DropPartitions"; readonly partitions: readonly Partition[] }
  /** `REORGANIZE PARTITION from INTO (to)`: consecutive partitions redrawn, their rows kept. */
  | { readonly kind: "ReorganizePartitions"; readonly from: readonly Partition[]; readonly to: readonly Partition[] }
  /** `ADD PARTITION PARTITIONS n` / `COALESCE PARTITION n`: a HASH or KEY table's partition count. */
  | { readonly kind: "ModifyPartitionCount"; readonly from: number; readonly to: number };

/** A change to the schema. */
export type Change =
  /** Create a table (with its indexes, keys and checks). */
  | { readonly kind: "AddTable"; readonly table: Table }
  /** Drop a table. */
  | { readonly kind: "DropTable"; readonly table: Table }
  /** Rename a table. */
  | { readonly kind: "RenameTable"; readonly from: string; readonly to: string }
  /** Alter one table; `changes` are in the order they apply. */
  | { readonly kind: "ModifyTable"; readonly table: string; readonly changes: readonly TableChange[] }
  /** Change the schema's default charset/collation. */
  | { readonly kind: "ModifySchema"; readonly charset?: string; readonly collate?: string }
  /** Create a view. */
  | { readonly kind: "AddView"; readonly view: View }
  /** Drop a view. */
  | { readonly kind: "DropView"; readonly view: View }
  /** Replace a view's definition or options (CREATE OR REPLACE VIEW). */
  | { readonly kind: "ModifyView"; readonly from: View; readonly to: View }

  /**
   * Create a trigger (its table exists): last among its table's triggers of the same timing and event, or just after
   * (`follows`) or before (`precedes`) another of them.
   */
  | { readonly kind: "AddTrigger"; readonly trigger: Trigger; readonly follows?: string; readonly precedes?: string }
  /** Drop a trigger. */
  | { readonly kind: "DropTrigger"; readonly trigger: Trigger }
  /** Create a scheduled event. */
  | { readonly kind: "AddEvent"; readonly event: ScheduledEvent }
  /** Drop a scheduled event. */
  | { readonly kind: "DropEvent"; readonly event: ScheduledEvent }
  /** Change an event in place (ALTER EVENT; a rename when the names differ). */
  | { readonly kind: "ModifyEvent"; readonly from: ScheduledEvent; readonly to: ScheduledEvent }
  /** Create a stored function or procedure. */
  | { readonly kind: "AddRoutine"; readonly routine: Routine }
  /** Drop a stored function or procedure. */
  | { readonly kind: "DropRoutine"; readonly routine: Routine };

/** Every change kind, for exhaustive tables. */
export type ChangeKind = Change["kind"];

const OBJECT_CHANGE_KINDS = [
  "AddTrigger",
  "DropTrigger",
  "AddEvent",
  "DropEvent",
  "ModifyEvent",
  "AddRoutine",
  "DropRoutine",
] as const satisfies readonly ChangeKind[];

/** A change of a trigger, event or stored routine: objects compared and planned whole (src/schema/objects.ts). */
export type ObjectChange = Extract<Change, { kind: (typeof OBJECT_CHANGE_KINDS)[number] }>;

/** Whether a change is an ObjectChange (the switches over Change hand those to the objects' own code). */
export function isObjectChange(change: Change): change is ObjectChange {
  return (OBJECT_CHANGE_KINDS as readonly ChangeKind[]).includes(change.kind);
}

/** Marks a switch as exhaustive: compiling fails when a kind is unhandled, running throws on unknown data. */
export function assertNever(x: never, what = "value"): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}
