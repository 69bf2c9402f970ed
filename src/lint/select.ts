/**
 * Which files a lint run analyses (Atlas `migratelint` change detectors): the last N by name (`--latest N`), or, from
 * git, the first file added since a base revision and every file after it (`--git-base REF`). Also finds files added
 * out of order: added since the base but sorting before a file the base already had.
 */
import type { MigrationFile } from "../migrate/dir.ts";

/** The split of a directory into files already shipped (`base`) and files to analyse (`fresh`). */
export interface Selection {
  readonly base: readonly MigrationFile[];
  readonly fresh: readonly MigrationFile[];
  /** Added files that sort before a file the base revision already had, with that file's name. */
  readonly outOfOrder: readonly { readonly name: string; readonly before: string }[];
}

/** The last `n` files (all of them when `n` ≥ their count). */
export function selectLatest(files: readonly MigrationFile[], n: number): Selection {
  const cut = Math.max(0, files.length - n);
  return { base: files.slice(0, cut), fresh: files.slice(cut), outOfOrder: [] };
}

/** The first added file and everything after it; `added` are base names added since the base revision. */
export function selectAdded(files: readonly MigrationFile[], added: readonly string[]): Selection {
  const names = new Set(added);
  const first = files.findIndex((f) => names.has(f.name));
  if (first === -1) return { base: files, fresh: [], outOfOrder: [] };
  const fresh = files.slice(first);
  const lastOld = fresh.filter((f) => !names.has(f.name)).at(-1);
  const outOfOrder = lastOld
    ? fresh
        .filter((f) => names.has(f.name) && f.name < lastOld.name)
        .map((f) => ({ name: f.name, before: lastOld.name }))
    : [];
  return { base: files.slice(0, first), fresh, outOfOrder };
}
