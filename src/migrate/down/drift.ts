/**
 * Drift before `migrate down`: the differences between the live schema and the directory replayed at the applied
 * version, one line each (what the database has that the directory does not, and the other way round). A revert
 * planned over drift would revert the drift too, so `migrate down` stops unless told otherwise.
 */
import type { PartitionChange } from "../../schema/apply-partition.ts";
import { goQuote } from "../../go/quote.ts";
import type { Flavor } from "../../mysql/flavor.ts";
import { columnDefinition } from "../../mysql/plan.ts";
import { assertNever, type Change, type TableChange, isObjectChange } from "../../schema/changes.ts";
import { diff } from "../../schema/diff.ts";
import { objectDriftLines } from "./drift-objects.ts";
import { type Column, findTable, type Schema, type TableOptions } from "../../schema/model.ts";

function options(o: TableOptions): string {
  return Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
}

/** A member (index, foreign key, check, primary key) in the database, in the directory, or in both but different. */
function memberLines(table: string, members: readonly { extra: boolean; what: string; name: string }[]): string[] {
  const key = (m: { what: string; name: string }) => `${m.what}\u0000${m.name}`;
  const extra = new Set(members.filter((m) => m.extra).map(key));
  const missing = new Set(members.filter((m) => !m.extra).map(key));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of members) {
    const k = key(m);
    if (seen.has(k)) continue;
    seen.add(k);
    const label = `${m.what}${m.name ? ` ${goQuote(m.name)}` : ""} of table ${goQuote(table)}`;
    out.push(
      extra.has(k) && missing.has(k)
        ? `${label} differs from the directory`
        : extra.has(k)
          ? `extra ${label}`
          : `missing ${label}`,
    );
  }
  return out;
}

/** Both sides of a table, for column definitions written as the table would write them (its default charset left out). */
interface Sides {
  readonly live: Schema;
  readonly expected: Schema;
  readonly flavor: Flavor;
}

function tableLines(table: string, changes: readonly TableChange[], sides: Sides): string[] {
  const context = (s: Schema) => ({ name: table, options: findTable(s, table)?.options ?? {} });
  const inDb = (c: Column) => columnDefinition(c, context(sides.live), sides.flavor);
  const inDir = (c: Column) => columnDefinition(c, context(sides.expected), sides.flavor);
  const lines: string[] = [];
  const members: { extra: boolean; what: string; name: string }[] = [];
  for (const c of changes) {
    switch (c.kind) {
      case "AddColumn":
        lines.push(`missing column ${goQuote(c.column.name)} of table ${goQuote(table)}: ${inDir(c.column)}`);
        break;
      case "DropColumn":
        lines.push(`extra column ${goQuote(c.column.name)} of table ${goQuote(table)}: ${inDb(c.column)}`);
        break;
      case "ModifyColumn":
        lines.push(
          inDb(c.from) === inDir(c.to)
            ? `column ${goQuote(c.from.name)} of table ${goQuote(table)} is in another position`
            : `column ${goQuote(c.from.name)} of table ${goQuote(table)} is ${inDb(c.from)}; the directory has ${inDir(c.to)}`,
        );
        break;
      case "RenameColumn":
        lines.push(`column ${goQuote(c.from)} of table ${goQuote(table)} is ${goQuote(c.to)} in the directory`);
        break;
      case "AddIndex":
      case "DropIndex":
        members.push({
          extra: c.kind === "DropIndex",
          what: c.index.unique ? "unique index" : "index",
          name: c.index.name,
        });
        break;
      case "RenameIndex":
        lines.push(`index ${goQuote(c.from)} of table ${goQuote(table)} is ${goQuote(c.to)} in the directory`);
        break;
      case "AddPrimaryKey":
      case "DropPrimaryKey":
        members.push({ extra: c.kind === "DropPrimaryKey", what: "primary key", name: "" });
        break;
      case "AddForeignKey":
      case "DropForeignKey":
        members.push({ extra: c.kind === "DropForeignKey", what: "foreign key", name: c.foreignKey.name });
        break;
      case "AddCheck":
      case "DropCheck":
        members.push({ extra: c.kind === "DropCheck", what: "check", name: c.check.name });
        break;
      case "ModifyOptions":
        lines.push(
          `table ${goQuote(table)} has ${options(c.from) || "default options"}; the directory has ${[options(c.to), ...(c.reset ?? []).map((k) => `${k}=DEFAULT`)].filter(Boolean).join(" ")}`,
        );
        break;
      case "ConvertCharset":
        lines.push(`table ${goQuote(table)} has another character set; the directory has ${c.charset} ${c.collate}`);
        break;
      case "SetPartitioning":
      case "AddPartitions":
      case "DropPartitions":
      case "ReorganizePartitions":
      case "ModifyPartitionCount":
        lines.push(partitionDrift(table, c));
        break;
      default:
        assertNever(c, "table change");
    }
  }
  return [...lines, ...memberLines(table, members)];
}

/** One drift line for a partition difference (the change turns the live table into the directory's). */
function partitionDrift(table: string, c: PartitionChange): string {
  const names = (ps: readonly { name: string }[]) => ps.map((p) => goQuote(p.name)).join(", ");
  switch (c.kind) {
    case "SetPartitioning":
      return c.to
        ? `table ${goQuote(table)} is partitioned ${c.from ? "otherwise" : "not at all"}; the directory has ${c.to.type}`
        : `table ${goQuote(table)} is partitioned by ${c.from?.type ?? ""}; the directory has no partitioning`;
    case "AddPartitions":
      return `table ${goQuote(table)} lacks partitions ${names(c.partitions)}`;
    case "DropPartitions":
      return `extra partitions ${names(c.partitions)} of table ${goQuote(table)}`;
    case "ReorganizePartitions":
      return `partitions ${names(c.from)} of table ${goQuote(table)} are ${names(c.to)} in the directory`;
    case "ModifyPartitionCount":
      return `table ${goQuote(table)} has ${c.from} partitions; the directory has ${c.to}`;
  }
}

function changeLines(change: Change, sides: Sides): string[] {
  if (isObjectChange(change)) return []; // objectDriftLines, over all of them at once
  switch (change.kind) {
    case "AddTable":
      return [`missing table ${goQuote(change.table.name)}`];
    case "DropTable":
      return [`extra table ${goQuote(change.table.name)}`];
    case "RenameTable":
      return [`table ${goQuote(change.from)} is ${goQuote(change.to)} in the directory`];
    case "ModifyTable":
      return tableLines(change.table, change.changes, sides);
    case "ModifySchema":
      return [
        `the schema's default character set differs; the directory has ${change.charset ?? ""} ${change.collate ?? ""}`.trimEnd(),
      ];
    case "AddView":
      return [`missing view ${goQuote(change.view.name)}`];
    case "DropView":
      return [`extra view ${goQuote(change.view.name)}`];
    case "ModifyView":
      return [`view ${goQuote(change.to.name)} has another definition or options than in the directory`];
    default:
      return assertNever(change, "change");
  }
}

/** The drift of `live` from `expected` (the directory at the applied version), one line per difference. */
export function driftLines(live: Schema, expected: Schema, flavor: Flavor): string[] {
  const changes = diff(live, expected);
  return [...changes.flatMap((c) => changeLines(c, { live, expected, flavor })), ...objectDriftLines(changes)];
}
