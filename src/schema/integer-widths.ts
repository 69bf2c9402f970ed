/**
 * The display width each integer type shows when none is written, [signed, unsigned]. The model's canonical type
 * text keeps a width only when it differs from this one; both the entities and the MySQL dialect write that text.
 */
export const DEFAULT_INTEGER_WIDTHS: Readonly<Record<string, readonly [number, number]>> = {
  tinyint: [4, 3],
  smallint: [6, 5],
  mediumint: [9, 8],
  int: [11, 10],
  bigint: [20, 20],
};
