/** The median of a set of figures (the upper middle one of an even count), as every benchmark here reports it. */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}
