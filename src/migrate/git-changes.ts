/**
 * Migration files added since a git revision (Atlas's git change detector): `git -C <repo> --no-pager diff
 * --name-only --diff-filter=A <base> HEAD -- <dir>`, committed changes only (not the work tree).
 */
import { execFileSync } from "node:child_process";
import { basename, relative, resolve } from "node:path";

/** git failed (not a repository, unknown revision, git missing); carries git's own message. */
export class GitError extends Error {
  constructor(
    readonly base: string,
    readonly detail: string,
  ) {
    super(`git diff against ${JSON.stringify(base)} failed: ${detail}`);
    this.name = "GitError";
  }
}

/** Base names of the files under `dir` added between `base` and HEAD in the repository at `gitDir`. */
export function addedFiles(gitDir: string, base: string, dir: string): string[] {
  const path = relative(resolve(gitDir), resolve(dir)) || ".";
  let out: string;
  try {
    out = execFileSync("git", ["-C", gitDir, "--no-pager", "diff", "--name-only", "--diff-filter=A", base, "HEAD", "--", path], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new GitError(base, (err.stderr || err.message).trim().split("\n")[0] ?? "");
  }
  return out.split("\n").filter((l) => l !== "").map((l) => basename(l));
}
