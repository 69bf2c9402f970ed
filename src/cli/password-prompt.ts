/**
 * The CLI's password prompt: only on a terminal, after the server refused a login without a password, typed at a
 * prompt that shows nothing; Ctrl-C/Esc/Ctrl-D abort the run. run.ts hands it to project/password-prompt.ts.
 */
import process from "node:process";
import type { PasswordPrompt } from "../project/password-prompt.ts";
import { aborted } from "./confirm.ts";
import { readAnswer } from "./terminal-input.ts";

/** The prompt on a terminal, undefined when stdin is not one. */
export function terminalPasswordPrompt(): PasswordPrompt | undefined {
  if (process.stdin.isTTY !== true) return undefined;
  return async (question) => {
    const password = await readAnswer(question, { hidden: true });
    if (password === undefined) throw aborted();
    return password;
  };
}
