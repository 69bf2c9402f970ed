/** The apply benchmark's statements: its files hold one per line, each ending in `;`. */
export function benchStatements(sql: string): string[] {
  return sql.split(/(?<=;)\n/).filter((s) => s.trim() !== "");
}
