/**
 * The one question before a command that reverts (`migrate down`) runs on several targets: the targets are listed and
 * the operator answers `y` on a terminal, or the script says --auto-approve; without either, nothing starts. Each
 * target's own safety checks (drift, data loss) still run as on a single database.
 */
import process from "node:process";
import { aborted, approves } from "../confirm.ts";
import { UsageError } from "../errors.ts";
import { err } from "../output.ts";
import { readAnswer } from "../terminal-input.ts";

/** Returns when `command` may run on every target in `labels`; else fails (exit 1 when refused, 2 without a terminal). */
export async function confirmTargets(
  command: string,
  labels: readonly string[],
  autoApprove: boolean | undefined,
): Promise<void> {
  if (autoApprove) return;
  if (process.stdin.isTTY !== true)
    throw new UsageError(
      `${command} on ${labels.length} targets needs confirmation but stdin is not a terminal: pass --auto-approve to run it on every target without asking`,
    );
  err(`${command} will run on ${labels.length} targets:\n${labels.map((l) => `  ${l}\n`).join("")}`);
  if (!approves(await readAnswer(`Run ${command} on all ${labels.length} targets? [y/N] `), undefined)) throw aborted();
}
