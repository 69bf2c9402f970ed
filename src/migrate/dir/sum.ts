/**
 * `atlas.sum`, Atlas's integrity file (`sql/migrate/dir.go` `NewHashFile`, `HashFile.Sum`, `MarshalText`,
 * `UnmarshalText`, `Validate`): computing, formatting, parsing and checking it against the directory.
 */
import { createHash } from "node:crypto";
import { compareNames, fromByteString, toByteString, trimSpace } from "../bytestring.ts";
import { isSumIgnored } from "./directives.ts";

/** One file's line: its name and cumulative hash (standard base64, without the `h1:` prefix). */
export interface SumEntry {
  readonly name: string;
  readonly hash: string;
}

/** A parsed or computed `atlas.sum`: the directory total and one entry per hashed file, in file order. */
export interface SumFile {
  readonly total: string;
  readonly entries: readonly SumEntry[];
}

/** A migration file as the sum sees it: its base name and raw bytes. */
export interface SumInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** `atlas.sum` does not agree with itself or with the directory (`checksum mismatch`). */
export class ChecksumMismatch extends Error {
  constructor() {
    super("checksum mismatch");
    this.name = "ChecksumMismatch";
  }
}

/** Why a directory entry disagrees with `atlas.sum`. */
export type ChecksumReason = "edited" | "added" | "removed";

/** A directory that disagrees with its `atlas.sum`, pointing at the first differing line (first entry = line 2). */
export class ChecksumError extends ChecksumMismatch {
  constructor(
    readonly line: number,
    readonly file: string,
    readonly reason: ChecksumReason,
  ) {
    super();
    this.name = "ChecksumError";
  }
}

/** Migration files exist but `atlas.sum` does not (`checksum file not found`). */
export class ChecksumFileNotFound extends Error {
  constructor() {
    super("checksum file not found");
    this.name = "ChecksumFileNotFound";
  }
}

/** A line of `atlas.sum` after the first has no `h1:` (`checksum file format invalid`). */
export class ChecksumFormatError extends Error {
  constructor(readonly line: number) {
    super("checksum file format invalid");
    this.name = "ChecksumFormatError";
  }
}

/** Any of the ways a directory can fail its checksum validation. */
export type SumValidationError = ChecksumMismatch | ChecksumFileNotFound | ChecksumFormatError;

/** The outcome of `validateDir`. */
export type SumValidation = { readonly ok: true } | { readonly ok: false; readonly error: SumValidationError };

/** The directory total over entries: base64 SHA-256 of every `name + hash` concatenated. */
export function sumTotal(entries: readonly SumEntry[]): string {
  const h = createHash("sha256");
  for (const e of entries) h.update(e.name + e.hash, "utf8");
  return h.digest("base64");
}

/** Computes `atlas.sum` for the migration files (sorted by name byte-wise, as Atlas reads a directory). */
export function computeSum(files: readonly SumInput[]): SumFile {
  const h = createHash("sha256");
  const entries: SumEntry[] = [];
  for (const f of [...files].sort((a, b) => compareNames(a.name, b.name))) {
    h.update(f.name, "utf8");
    // An `atlas:sum ignore` file contributes its name to the chain, not its content, and gets no line.
    if (isSumIgnored(f.bytes)) continue;
    h.update(f.bytes);
    entries.push({ name: f.name, hash: h.copy().digest("base64") });
  }
  return { total: sumTotal(entries), entries };
}

/** Formats `atlas.sum` byte for byte as Atlas writes it. */
export function formatSum(sum: SumFile): string {
  return `h1:${sum.total}\n` + sum.entries.map((e) => `${e.name} h1:${e.hash}\n`).join("");
}

// Go's bufio.ScanLines: split on \n, drop one trailing \r per line, no empty last line after a final \n.
function scanLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

/** Parses `atlas.sum`; throws `ChecksumFormatError`, or `ChecksumMismatch` when the file's total is not its own. */
export function parseSum(text: string): SumFile {
  const [first = "", ...rest] = scanLines(text);
  const total = first.startsWith("h1:") ? first.slice(3) : first;
  const entries = rest.map((line, i): SumEntry => {
    const at = line.indexOf("h1:");
    if (at === -1) throw new ChecksumFormatError(i + 2);
    return { name: fromByteString(trimSpace(toByteString(line.slice(0, at)))), hash: line.slice(at + 3) };
  });
  if (sumTotal(entries) !== total) throw new ChecksumMismatch();
  return { total, entries };
}

// Walks the stored entries and names the first one that disagrees with the directory.
function locateMismatch(stored: readonly SumEntry[], computed: readonly SumEntry[]): ChecksumError {
  for (const [i, s] of stored.entries()) {
    const c = computed[i];
    if (c !== undefined && c.name === s.name && c.hash === s.hash) continue;
    if (!computed.some((e) => e.name === s.name)) return new ChecksumError(i + 2, s.name, "removed");
    if (c !== undefined && c.name === s.name) return new ChecksumError(i + 2, s.name, "edited");
    return new ChecksumError(i + 2, c?.name ?? s.name, "added");
  }
  return new ChecksumError(stored.length + 2, computed[stored.length]?.name ?? "", "added");
}

/** Checks a directory against its `atlas.sum` text (`undefined` when the file does not exist), as `atlas migrate validate`. */
export function validateDir(files: readonly SumInput[], sumText: string | undefined): SumValidation {
  if (sumText === undefined) return files.length > 0 ? { ok: false, error: new ChecksumFileNotFound() } : { ok: true };
  let stored: SumFile;
  try {
    stored = parseSum(sumText);
  } catch (e) {
    if (e instanceof ChecksumFormatError || e instanceof ChecksumMismatch) return { ok: false, error: e };
    throw e;
  }
  const computed = computeSum(files);
  if (computed.total === stored.total) return { ok: true };
  return { ok: false, error: locateMismatch(stored.entries, computed.entries) };
}
