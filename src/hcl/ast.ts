/**
 * The syntax tree of the `atlas.hcl` subset: bodies of attributes and labelled blocks, and expressions.
 */
import type { Pos } from "./errors.ts";

/** One step after a traversal root: `.name` or `[expr]`. */
export type Step = { readonly attr: string } | { readonly index: Expr };

/** An expression. Templates hold literal text and interpolated expressions. */
export type Expr =
  | { readonly kind: "literal"; readonly value: string | number | boolean | null; readonly pos: Pos }
  | {
      readonly kind: "template";
      readonly parts: readonly ({ readonly text: string } | { readonly expr: Expr })[];
      readonly pos: Pos;
    }
  | { readonly kind: "traversal"; readonly root: string; readonly steps: readonly Step[]; readonly pos: Pos }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly Expr[]; readonly pos: Pos }
  | { readonly kind: "list"; readonly items: readonly Expr[]; readonly pos: Pos }
  | {
      readonly kind: "object";
      readonly items: readonly { readonly key: string; readonly value: Expr }[];
      readonly pos: Pos;
    };

/** `name = expr`. */
export interface Attribute {
  readonly name: string;
  readonly expr: Expr;
  readonly pos: Pos;
}

/** `type "label" … { body }`. */
export interface Block {
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: Body;
  readonly pos: Pos;
}

/** A file or block body: its attributes and blocks in source order. */
export interface Body {
  readonly attrs: readonly Attribute[];
  readonly blocks: readonly Block[];
}
