/**
 * The data sources a part of an HCL file refers to, found without evaluating it: `data.<type>.<name>` traversals in
 * its expressions, and in the `local.<name>` values those expressions use (followed once each). A caller evaluates
 * only the sources that are used — a `data "sql"` query runs only when the selected env needs its rows.
 */
import type { Attribute, Body, Expr } from "./ast.ts";

function exprRefs(e: Expr, locals: ReadonlyMap<string, Attribute>, seen: Set<string>, out: Set<string>): void {
  switch (e.kind) {
    case "literal":
      return;
    case "template":
      for (const p of e.parts) if ("expr" in p) exprRefs(p.expr, locals, seen, out);
      return;
    case "call":
    case "list":
      for (const a of e.kind === "call" ? e.args : e.items) exprRefs(a, locals, seen, out);
      return;
    case "object":
      for (const i of e.items) exprRefs(i.value, locals, seen, out);
      return;
    case "traversal": {
      for (const s of e.steps) if ("index" in s) exprRefs(s.index, locals, seen, out);
      const [first, second] = e.steps.map((s) => ("attr" in s ? s.attr : undefined));
      if (e.root === "data" && first !== undefined && second !== undefined) out.add(`${first}.${second}`);
      const local = e.root === "local" && first !== undefined ? locals.get(first) : undefined;
      if (local && !seen.has(first!)) {
        seen.add(first!);
        exprRefs(local.expr, locals, seen, out);
      }
      return;
    }
  }
}

/** The `type.name` keys of the data sources that the attributes and nested blocks of `bodies` refer to. */
export function dataReferences(bodies: readonly Body[], locals: ReadonlyMap<string, Attribute>): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (b: Body): void => {
    for (const a of b.attrs) exprRefs(a.expr, locals, seen, out);
    for (const child of b.blocks) walk(child.body);
  };
  bodies.forEach(walk);
  return out;
}
