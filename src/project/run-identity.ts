/**
 * Who is running the tool and with what, for the run log: a fresh run id, the operating-system user, this machine's
 * host name, the tool version and, in the compiled binary, the SHA-256 of the binary itself.
 */
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { hostname, userInfo } from "node:os";
import process from "node:process";
import { sha256Of } from "../migrate/release-plan/document.ts";
import type { RunIdentity } from "../migrate/run-log.ts";
import { isCompiledBinary } from "./embedded-dir.ts";
import { TOOL_VERSION } from "./version.ts";

let binarySha: string | undefined | null = null;

/** SHA-256 (hex) of the running binary when this is the compiled binary (read once); undefined from source. */
export function binarySha256(): string | undefined {
  if (binarySha === null)
    binarySha = isCompiledBinary()
      ? createHash("sha256").update(readFileSync(process.execPath)).digest("hex")
      : undefined;
  return binarySha;
}

// The passwd entry of a uid, read directly (Bun's userInfo() answers "unknown" where Node reads the name).
function passwdName(uid: number): string | undefined {
  try {
    const line = readFileSync("/etc/passwd", "utf8")
      .split("\n")
      .find((l) => l.split(":")[2] === String(uid));
    return line?.split(":")[0] || undefined;
  } catch {
    return undefined;
  }
}

/** The operating-system user running the tool: its login name, else the environment's, else `uid N`. */
export function osUser(): string {
  let name: string | undefined;
  try {
    name = userInfo().username;
  } catch {
    name = undefined; // no passwd entry for the uid (some containers)
  }
  if (name && name !== "unknown") return name;
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  return (
    (uid !== undefined ? passwdName(uid) : undefined) ??
    process.env.USER ??
    process.env.USERNAME ??
    (uid !== undefined ? `uid ${uid}` : "")
  );
}

/** The identity of a run of `command` starting now. */
export function runIdentity(command: string): RunIdentity {
  const sha = binarySha256();
  return {
    runId: randomUUID(),
    command,
    osUser: osUser(),
    clientHost: hostname(),
    toolVersion: TOOL_VERSION,
    ...(sha !== undefined ? { binarySha256: sha } : {}),
    startedAt: new Date(),
  };
}

/** `sha256:` + the hex SHA-256 of planned statements joined by newlines: what identifies a plan in the run log. */
export function planHash(statements: readonly string[]): string {
  return sha256Of(statements.join("\n"));
}
