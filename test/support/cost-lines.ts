/**
 * apply prints a line per costly ALTER on stderr (`-- cost: COPY, writers blocked: …`): tests that require an
 * otherwise empty stderr strip those first.
 */
export function withoutCostLines(stderr: string): string {
  return stderr.replace(/^ +-- cost: .*\n/gm, "");
}
