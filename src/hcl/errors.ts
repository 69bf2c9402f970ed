/**
 * The one error kind of the HCL reader (lexer, parser, evaluator): a message tied to a file and, when known, a line
 * and column. Readers of a particular file (config/ for atlas.hcl) turn it into their own error.
 */

/** A position in a source file, 1-based. */
export interface Pos {
  readonly line: number;
  readonly col: number;
}

/** A syntax or evaluation problem in an HCL file, printed as `file:line:col: message`. */
export class HclError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly pos?: Pos,
  ) {
    super(pos ? `${file}:${pos.line}:${pos.col}: ${detail}` : `${file}: ${detail}`);
    this.name = "HclError";
  }
}
