/** Runs git in a test's folder with a fixed author, so commits need no global git configuration. */
import { execFileSync } from "node:child_process";

const AUTHOR = { GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" };

/** A git runner for `cwd`: `git("commit", "-qm", "x")`. */
export function gitIn(cwd: string): (...args: string[]) => Buffer {
  return (...args) => execFileSync("git", args, { cwd, stdio: "pipe", env: { ...process.env, ...AUTHOR } });
}
