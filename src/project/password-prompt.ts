/**
 * The password prompt of a run, set by the caller: the CLI sets one that asks on a terminal; a library caller sets
 * none, and a refused login stands. Kept apart from connect.ts so setting it loads no database driver.
 */

/** Asks for a password (`question` names the user and host); it throws to abort the run. */
export type PasswordPrompt = (question: string) => Promise<string>;

let current: PasswordPrompt | undefined;
let maker: (() => PasswordPrompt | undefined) | undefined;

/** Sets the prompt openDatabase uses after a login without a password was refused; undefined (the default) never asks. */
export function setPasswordPrompt(prompt: PasswordPrompt | undefined): void {
  current = prompt;
  maker = undefined;
}

/**
 * Sets the prompt to what `make` returns when a prompt is first wanted: the CLI's looks at stdin, and merely asking
 * whether stdin is a terminal builds its stream (~30 ms of CPU a command that never logs in should not pay).
 */
export function setPasswordPromptMaker(make: () => PasswordPrompt | undefined): void {
  current = undefined;
  maker = make;
}

/** The prompt set for this run, if any. */
export function passwordPrompt(): PasswordPrompt | undefined {
  if (maker) {
    current = maker();
    maker = undefined;
  }
  return current;
}
