/**
 * Runs one command and prints `{"exit", "ms", "maxRssBytes", "stdout", "stderr"}` as JSON: a process of its own, so
 * the peak memory it reports (getrusage of its children) is that one command's and no earlier run's.
 *
 *   bun bench/lib/peak.ts COMMAND [ARG ...]
 *
 * (No `--` before COMMAND: Bun keeps it out of process.argv, and a wrapper that looked for it ran itself.)
 */
const argv = process.argv.slice(2);
if (argv.length === 0) throw new Error("usage: bun bench/lib/peak.ts COMMAND [ARG ...]");
const t = performance.now();
const r = Bun.spawnSync(argv, { stdout: "pipe", stderr: "pipe" });
const ms = performance.now() - t;
console.log(
  JSON.stringify({
    exit: r.exitCode,
    ms,
    maxRssBytes: r.resourceUsage.maxRSS,
    stdout: r.stdout.toString(),
    stderr: r.stderr.toString(),
  }),
);
