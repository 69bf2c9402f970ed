/**
 * The "Are you sure?" step of `schema apply` and `schema clean`: Atlas's Apply/Abort choice on a terminal, a refusal
 * without one (a script must say --auto-approve).
 */
import process from "node:process";
import { consola } from "consola";
import { UsageError } from "./errors.ts";

/** True when the user chose Apply; without --auto-approve and without a terminal, refuses with a UsageError. */
export async function confirmApply(autoApprove: boolean | undefined, command: string): Promise<boolean> {
  if (autoApprove) return true;
  if (process.stdin.isTTY !== true) throw new UsageError(`${command} needs confirmation but stdin is not a terminal: pass --auto-approve to apply without asking`);
  const answer = await consola.prompt("Are you sure?", { type: "select", options: ["Apply", "Abort"], cancel: "reject" });
  return answer === "Apply";
}
