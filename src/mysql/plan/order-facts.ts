/**
 * What each change needs from, and does to, the tables around it: the facts the ordering edges are built from.
 */
import { assertNever, type Change, type TableChange } from "../../schema/changes.ts";

/** Table names a change creates, frees, needs, and the foreign-key references it adds or removes. */
export interface ChangeFacts {
  /** Names that exist after the change (created or renamed to). */
  readonly creates: readonly string[];
  /** Names that stop existing (dropped or renamed from). */
  readonly frees: readonly string[];
  /** Tables that must exist before the change runs. */
  readonly needs: readonly string[];
  /** Other tables the change adds foreign keys to. */
  readonly fkTargets: readonly string[];
  /** Other tables the change removes foreign keys to (by DROP FOREIGN KEY or by dropping the table). */
  readonly releases: readonly string[];
  /** The altered table, for a ModifyTable. */
  readonly modifies?: string;
  /** True when the ALTER adds or reshapes what a foreign key may reference (columns, indexes, primary key). */
  readonly addsParts: boolean;
  /** True when the ALTER drops or reshapes what a foreign key may reference. */
  readonly dropsParts: boolean;
  /** Tables a change creates, drops, renames or alters: a view reading them is dropped before and created after. */
  readonly touches: readonly string[];
  /** What a created or replaced view reads. */
  readonly viewReads: readonly string[];
  /** What a dropped view read. */
  readonly droppedViewReads: readonly string[];
}

const NONE: ChangeFacts = {
  creates: [],
  frees: [],
  needs: [],
  fkTargets: [],
  releases: [],
  addsParts: false,
  dropsParts: false,
  touches: [],
  viewReads: [],
  droppedViewReads: [],
};

/** The facts of one change. */
export function changeFacts(change: Change): ChangeFacts {
  switch (change.kind) {
    case "AddTable": {
      const t = change.table;
      const targets = t.foreignKeys.map((fk) => fk.refTable).filter((r) => r !== t.name);
      return { ...NONE, creates: [t.name], needs: targets, fkTargets: targets, touches: [t.name] };
    }
    case "DropTable": {
      const t = change.table;
      const releases = t.foreignKeys.map((fk) => fk.refTable).filter((r) => r !== t.name);
      return { ...NONE, frees: [t.name], releases, touches: [t.name] };
    }
    case "RenameTable":
      return { ...NONE, creates: [change.to], frees: [change.from], touches: [change.from, change.to] };
    case "ModifyTable":
      return modifyFacts(change.table, change.changes);
    case "ModifySchema":
    case "DropTrigger":
    case "AddEvent":
    case "DropEvent":
    case "ModifyEvent":
    case "AddRoutine":
    case "DropRoutine":
      return NONE;
    case "AddView":
    case "ModifyView": {
      const v = change.kind === "AddView" ? change.view : change.to;
      const reads = (v.reads ?? []).filter((r) => r !== v.name);
      return { ...NONE, creates: change.kind === "AddView" ? [v.name] : [], needs: reads, viewReads: reads };
    }
    case "DropView": {
      const reads = (change.view.reads ?? []).filter((r) => r !== change.view.name);
      return { ...NONE, frees: [change.view.name], releases: reads, droppedViewReads: reads };
    }
    case "AddTrigger":
      return { ...NONE, needs: [change.trigger.table] };
    default:
      return assertNever(change, "change");
  }
}

const ADDS_PARTS = new Set<TableChange["kind"]>([
  "AddColumn",
  "ModifyColumn",
  "RenameColumn",
  "AddIndex",
  "AddPrimaryKey",
]);
const DROPS_PARTS = new Set<TableChange["kind"]>(["DropColumn", "ModifyColumn", "DropIndex", "DropPrimaryKey"]);

function modifyFacts(table: string, changes: readonly TableChange[]): ChangeFacts {
  const targets = changes.flatMap((c) =>
    c.kind === "AddForeignKey" && c.foreignKey.refTable !== table ? [c.foreignKey.refTable] : [],
  );
  const releases = changes.flatMap((c) =>
    c.kind === "DropForeignKey" && c.foreignKey.refTable !== table ? [c.foreignKey.refTable] : [],
  );
  return {
    ...NONE,
    needs: [table, ...targets],
    fkTargets: targets,
    releases,
    modifies: table,
    touches: [table],
    addsParts: changes.some((c) => ADDS_PARTS.has(c.kind)),
    dropsParts: changes.some((c) => DROPS_PARTS.has(c.kind)),
  };
}

/** The table or view a change is about (the old name for a rename; empty for a schema change). */
export function changeTable(change: Change): string {
  switch (change.kind) {
    case "AddTable":
    case "DropTable":
      return change.table.name;
    case "AddView":
    case "DropView":
      return change.view.name;
    case "ModifyView":
      return change.to.name;
    case "ModifyTable":
      return change.table;
    case "RenameTable":
      return change.from;
    case "ModifySchema":
    case "AddEvent":
    case "DropEvent":
    case "ModifyEvent":
    case "AddRoutine":
    case "DropRoutine":
      return "";
    case "AddTrigger":
    case "DropTrigger":
      return change.trigger.table;
    default:
      return assertNever(change, "change");
  }
}
