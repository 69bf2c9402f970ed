/** An evaluated HCL value (its own file so that the evaluator's helpers can name it without an import cycle). */
export type Value = string | number | boolean | null | readonly Value[] | { readonly [key: string]: Value };
