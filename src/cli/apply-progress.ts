/**
 * A run's text output as it happens: Atlas's report lines on stdout, each written when its statement starts, its
 * error or its file's end; lock waits and statements left in doubt by an earlier run on stderr.
 */
import type { ApplyRunEvent } from "../migrate/apply.ts";
import { applyHeader, errorText, fileOkText, fileStartText, statementText } from "./report/apply.ts";
import type { LockWaitEvent, WatchEvent } from "../migrate/apply/statement-watch.ts";
import { describeBlocker } from "../mysql/blockers.ts";
import { endProgressLine, printOnlineEvent, printPlan, printStatementProgress } from "./online-progress.ts";
import { err, out } from "./output.ts";

const short = (s: string) => {
  const line = s.replace(/\s+/g, " ").trim();
  return line.length > 100 ? line.slice(0, 97) + "..." : line;
};

/** Prints a lock wait: how long, and who blocks. */
export function printLockWait(e: LockWaitEvent): void {
  const who = e.blockers.length
    ? e.blockers.map((b) => `\n      blocked by ${describeBlocker(b)}`).join("")
    : "\n      (no blocking session found)";
  err(`    .. waiting ${e.seconds}s (${e.state}) for: ${short(e.text)}${who}\n`);
}

/** Prints what a statement watch reports: a lock wait, or a long statement's progress. */
export function printWatchEvent(e: WatchEvent): void {
  return e.kind === "lock-wait" ? printLockWait(e) : printStatementProgress(e);
}

/**
 * Prints one event of a run; `text` false prints only the stderr notices (JSON output comes at the end); `dryRun`
 * shows the cost of every ALTER.
 */
export function printApplyEvent(e: ApplyRunEvent | WatchEvent, text: boolean, dryRun = false): void {
  if (e.kind !== "progress" && e.kind !== "online-progress") endProgressLine();
  switch (e.kind) {
    case "lock-wait":
      return printLockWait(e);
    case "progress":
      return printStatementProgress(e);
    case "in-doubt-wait":
      return err(
        `statement ${e.index + 1} of version ${e.version} is still running on connection ${e.connId} (for ${e.seconds}s, left by an interrupted run): waiting for it\n`,
      );
    case "in-doubt-pending":
      return err(
        `statement ${e.index + 1} of version ${e.version} is in doubt (left by an interrupted run): a real run first decides from the live schema whether it took effect\n`,
      );
    case "in-doubt-resolved":
      return err(
        `statement ${e.index + 1} of version ${e.version} was in doubt: ${e.how}${e.applied ? "; recorded as applied" : ""}\n`,
      );
    case "plan":
      return text ? out(applyHeader(e) + "\n") : undefined;
    case "file":
      return text ? out(fileStartText(e.file.version)) : undefined;
    case "stmt":
      // The statement as it is sent (pinned when the policy says so); its cost and online command go to stderr.
      if (text) out(statementText(e.plan?.sent ?? e.text));
      return e.plan ? printPlan(e.plan, e.text, dryRun) : undefined;
    case "online-start":
    case "online-progress":
    case "online-output":
    case "online-cleanup":
      return printOnlineEvent(e);
    case "error":
      return text ? out(errorText(e.text)) : undefined;
    case "file-done":
      return text ? out(fileOkText(e.durationNs)) : undefined;
  }
}
