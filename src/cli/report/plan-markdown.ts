/**
 * A release plan as Markdown for a change ticket: the plan hash, the target, the state it was made on, the files and
 * every statement as it will be sent with its cost, and the command that applies it.
 */
import type { ApplyPlan, PlanStatement } from "../../migrate/release-plan/document.ts";
import { formatBytes } from "../../mysql/cost.ts";

function costComment(s: PlanStatement): string | undefined {
  const c = s.cost;
  if (!c) return undefined;
  const how = c.algorithm === "NOCOPY" ? "INPLACE (no rebuild)" : c.algorithm;
  const size = c.rows !== undefined ? `, about ${c.rows} rows, ${formatBytes(c.bytes ?? 0)}` : "";
  const online = s.online ? `; online through ${s.online.tool} (${s.online.reason})` : "";
  return `-- cost: ${how}, writers ${c.blocksWriters ? "blocked" : "not blocked"}: table \`${c.table}\`${size}${online}`;
}

function statementsBlock(statements: readonly PlanStatement[], skipped: number): string {
  const body = statements.map((s, i) =>
    [`-- statement ${skipped + i + 1}`, costComment(s), s.sql].filter((l) => l !== undefined).join("\n"),
  );
  return "```sql\n" + body.join("\n\n") + "\n```\n";
}

/** The Markdown of `plan`, whose file is `path` (undefined when none was written) with hash `hash`. */
export function planMarkdown(plan: ApplyPlan, hash: string, path: string | undefined): string {
  const t = plan.target;
  const n = plan.pending.length;
  const title =
    n === 0
      ? `# Release plan: \`${t.database}\`, nothing to apply`
      : `# Release plan: \`${t.database}\` to version ${plan.to}${plan.from ? ` from ${plan.from}` : ""}`;
  const lines = [
    title,
    "",
    `- Plan: ${path !== undefined ? `\`${path}\`, ` : "not written (no --out), "}hash \`${hash}\``,
    `- Made: ${plan.createdAt} by stats-db v${plan.toolVersion}`,
    `- Target: ${t.driver} at \`${t.address}\` (\`${t.server}\`, version ${t.version}), database \`${t.database}\`, revisions in \`${t.revisionsSchema}\``,
    `- Revisions: ${plan.revisions.versions.length} row${plan.revisions.versions.length === 1 ? "" : "s"}, last version ${plan.revisions.last || "none"} (digest \`${plan.revisions.digest}\`)`,
    `- Directory: ${plan.directory.files.length} files, atlas.sum \`${plan.directory.sumTotal}\``,
    `- Live schema fingerprint: \`${plan.liveSchema}\``,
    `- Options: tx-mode ${plan.options.txMode}, exec-order ${plan.options.execOrder}${plan.options.baseline ? `, baseline ${plan.options.baseline}` : ""}${plan.options.allowDirty ? ", allow-dirty" : ""}${plan.options.allowDrift ? ", allow-drift" : ""}`,
    "",
    `## Pending files (${n})`,
    "",
  ];
  if (n === 0) lines.push("None: applying this plan changes nothing.", "");
  else {
    lines.push("| File | SHA-256 | atlas.sum | Statements |", "| --- | --- | --- | --- |");
    for (const f of plan.pending)
      lines.push(
        `| \`${f.name}\` | \`${f.sha256.slice("sha256:".length, "sha256:".length + 16)}…\` | \`${f.sum}\` | ${f.statements.length}${f.skipped ? ` (${f.skipped} applied before)` : ""} |`,
      );
    lines.push("", "## Statements, as they will be sent", "");
    for (const f of plan.pending) lines.push(`### \`${f.name}\``, "", statementsBlock(f.statements, f.skipped));
  }
  lines.push(
    "## Apply",
    "",
    "With the same target settings (`--env` or `--url`) as the plan; it refuses, changing nothing, if the target, its revisions, the files or the live schema moved since:",
    "",
    "```sh",
    `stats-db migrate apply --plan ${path ?? "<plan file>"}`,
    "```",
    "",
  );
  return lines.join("\n");
}
