/**
 * The password prompt of a run, set by the caller: the CLI sets one that asks on a terminal; a library caller sets
 * none, and a refused login stands. Kept apart from connect.ts so setting it loads no database driver.
 */

/** Asks for a password (`question` names the user and host); it throws to abort the run. */
export type PasswordPrompt = (question: string) => Promise<string>;

let current: PasswordPrompt | undefined;

/** Sets the prompt openDatabase uses after a login without a password was refused; undefined (the default) never asks. */
export function setPasswordPrompt(prompt: PasswordPrompt | undefined): void {
  current = prompt;
}

/** The prompt set for this run, if any. */
export function passwordPrompt(): PasswordPrompt | undefined {
  return current;
}
