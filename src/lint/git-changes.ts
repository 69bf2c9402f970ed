/**
 * Migration files added since a git revision (Atlas's git change detector), the work tree included: files added
 * between `<base>` and the work tree (`git diff --name-only --diff-filter=A <base> -- <dir>`: committed and staged)
 * and files git does not track yet (`git ls-files --others --exclude-standard -- <dir>`). A file written but not yet
 * committed is new, not a file the base already had (which would make the committed new files look out of order).
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

function git(gitDir: string, base: string, args: readonly string[]): string[] {
  try {
    const out = execFileSync("git", ["-C", gitDir, "--no-pager", ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return out.split("\n").filter((l) => l !== "");
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new GitError(base, (err.stderr || err.message).trim().split("\n")[0] ?? "");
  }
}

/** Base names of the files under `dir` added since `base` in the repository at `gitDir`: committed, staged or untracked. */
export function addedFiles(gitDir: string, base: string, dir: string): string[] {
  const path = relative(resolve(gitDir), resolve(dir)) || ".";
  const added = git(gitDir, base, ["diff", "--name-only", "--diff-filter=A", base, "--", path]);
  const untracked = git(gitDir, base, ["ls-files", "--others", "--exclude-standard", "--", path]);
  return [...new Set([...added, ...untracked].map((l) => basename(l)))];
}
