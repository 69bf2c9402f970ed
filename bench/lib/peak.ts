/**
 * Runs one command and prints `{"exit", "ms", "maxRssBytes", "stdout", "stderr"}` as JSON: a process of its own, so
 * the peak memory it reports (getrusage of its children) is that one command's and no earlier run's.
 *
 *   bun bench/lib/peak.ts -- COMMAND [ARG ...]
 */
const argv = process.argv.slice(process.argv.indexOf("--") + 1);
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
