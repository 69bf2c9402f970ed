/**
 * A tiny HCL document model and its printer, formatted the way hclwrite formats Atlas's output: two-space indent,
 * attributes before child blocks, and the `=` of consecutive single-line attributes aligned.
 */
import { hclString } from "./hcl-text.ts";

/** One attribute: a key and its already-rendered value text. */
export interface HclAttr {
  readonly key: string;
  readonly value: string;
}

/** One block: type, labels (printed quoted), attributes, then child blocks. */
export interface HclBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly attrs: readonly HclAttr[];
  readonly blocks: readonly HclBlock[];
}

/** Builds an attribute. */
export function attr(key: string, value: string): HclAttr {
  return { key, value };
}

/** Builds a block. */
export function block(
  type: string,
  labels: readonly string[],
  attrs: readonly HclAttr[],
  blocks: readonly HclBlock[] = [],
): HclBlock {
  return { type, labels, attrs, blocks };
}

function renderAttrs(attrs: readonly HclAttr[], indent: string): string[] {
  const width = Math.max(0, ...attrs.map((a) => [...a.key].length));
  return attrs.map((a) => `${indent}${a.key}${" ".repeat(width - [...a.key].length)} = ${a.value}`);
}

function renderBlock(b: HclBlock, indent: string): string[] {
  const head = [b.type, ...b.labels.map(hclString)].join(" ");
  const inner = indent + "  ";
  return [
    `${indent}${head} {`,
    ...renderAttrs(b.attrs, inner),
    ...b.blocks.flatMap((child) => renderBlock(child, inner)),
    `${indent}}`,
  ];
}

/** Prints top-level blocks as one HCL document ending in a newline. */
export function renderDocument(blocks: readonly HclBlock[]): string {
  return blocks
    .flatMap((b) => renderBlock(b, ""))
    .map((line) => line + "\n")
    .join("");
}
