/**
 * The dispatcher: walks the command tree, checks flags strictly (citty ignores unknown ones), runs the command and
 * turns any error into one line on stderr and an exit code. Nothing below cli/ prints or exits.
 */
import { type ArgsDef, type CommandDef, renderUsage, runCommand } from "citty";
import { colourAllowed, stripColour } from "./colour.ts";
import { terminalPasswordPrompt } from "./password-prompt.ts";
import { renderError, UsageError } from "./errors.ts";
import { setPasswordPromptMaker } from "../project/password-prompt.ts";
import { DirChecksumError } from "../project/errors.ts";
import { chooseOptionFile } from "../project/option-file-choice.ts";

type AnyCommand = CommandDef<ArgsDef>;

async function resolve<T>(v: T | Promise<T> | (() => T | Promise<T>)): Promise<T> {
  return typeof v === "function" ? await (v as () => T | Promise<T>)() : await v;
}

/** Finds the command named by the leading words of argv; returns it, the remaining args and the command path. */
async function findCommand(
  root: AnyCommand,
  argv: string[],
): Promise<{ cmd: AnyCommand; rest: string[]; path: string[] }> {
  let cmd = root;
  const path: string[] = [];
  let i = 0;
  while (cmd.subCommands && i < argv.length && !argv[i]!.startsWith("-")) {
    const subs = await resolve(cmd.subCommands);
    const name = argv[i]!;
    if (!(name in subs))
      throw new UsageError(`unknown command "${[...path, name].join(" ")}"; run with --help to list the commands`);
    cmd = (await resolve(subs[name]!)) as AnyCommand;
    path.push(name);
    i++;
  }
  return { cmd, rest: argv.slice(i), path };
}

/** Rejects flags the command does not define and surplus positional arguments. */
export function checkArgs(args: ArgsDef, argv: readonly string[]): void {
  const known = new Map<string, string>();
  for (const [name, def] of Object.entries(args)) {
    known.set(name, def.type ?? "string");
    const aliases = "alias" in def && def.alias ? (Array.isArray(def.alias) ? def.alias : [def.alias]) : [];
    for (const a of aliases) known.set(a, def.type ?? "string");
  }
  const positionals = Object.values(args).filter((d) => d.type === "positional").length;
  let seen = 0;
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i]!;
    if (tok === "--") break;
    if (!tok.startsWith("-") || tok === "-") {
      if (++seen > positionals) throw new UsageError(`unexpected argument "${tok}"`);
      continue;
    }
    const name = tok.replace(/^--?/, "").split("=")[0]!;
    const type =
      known.get(name) ?? (name.startsWith("no-") && known.get(name.slice(3)) === "boolean" ? "boolean" : undefined);
    if (!type) throw new UsageError(`unknown flag: ${tok.split("=")[0]}`);
    if (type !== "boolean" && !tok.includes("=")) {
      if (i + 1 >= argv.length) throw new UsageError(`flag ${tok} needs a value`);
      i++;
    }
  }
}

/** The value of a `--name VALUE` or `--name=VALUE` flag in checked argv (before any `--`), or undefined. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
    if (argv[i] === `--${name}`) value = argv[++i];
    else if (argv[i]!.startsWith(`--${name}=`)) value = argv[i]!.slice(name.length + 3);
  }
  return value;
}

/**
 * Joins every `--name VALUE` / `--name=VALUE` of checked argv (before any `--`) into one `--name=V1,V2` where the
 * first stood: citty keeps only the last value of a repeated flag, and `--var` is repeatable (Atlas reads each value
 * as comma-separated `key=value` pairs, so the joined form means the same).
 */
export function joinRepeated(argv: readonly string[], name: string): string[] {
  const values: string[] = [];
  const rest: (string | undefined)[] = [];
  let at = -1;
  let i = 0;
  for (; i < argv.length && argv[i] !== "--"; i++) {
    const tok = argv[i]!;
    if (tok !== `--${name}` && !tok.startsWith(`--${name}=`)) {
      rest.push(tok);
      continue;
    }
    if (at < 0) at = rest.length;
    rest.push(undefined);
    values.push(tok === `--${name}` ? (argv[++i] ?? "") : tok.slice(name.length + 3));
  }
  if (values.length < 2) return [...argv];
  rest[at] = `--${name}=${values.join(",")}`;
  return [...rest.filter((t): t is string => t !== undefined), ...argv.slice(i)];
}

/** Runs the CLI for argv; returns the process exit code. Writes output and errors itself. */
export async function run(root: AnyCommand, argv: string[]): Promise<number> {
  const debug = argv.includes("--debug");
  try {
    if (argv[0] === "--version" || argv[0] === "-v") {
      process.stdout.write(`${root.meta && "version" in root.meta ? root.meta.version : ""}\n`);
      return 0;
    }
    const { cmd, rest } = await findCommand(root, argv);
    if (rest.includes("--help") || rest.includes("-h") || !cmd.run) {
      const usage = await renderUsage(cmd);
      process.stdout.write((colourAllowed(process.stdout) ? usage : stripColour(usage)) + "\n");
      return cmd.run || rest.includes("--help") || rest.includes("-h") ? 0 : 2;
    }
    checkArgs((await resolve(cmd.args ?? {})) as ArgsDef, rest);
    chooseOptionFile(flagValue(rest, "defaults-file"));
    setPasswordPromptMaker(terminalPasswordPrompt);
    await runCommand(cmd, { rawArgs: joinRepeated(rest, "var") });
    return 0;
  } catch (e) {
    if (e instanceof DirChecksumError)
      process.stdout.write((await import("./report/checksum.ts")).formatChecksumReport(e.sumError));
    process.stderr.write(renderError(e, debug));
    return (await import("./exit-codes.ts")).exitCodeOf(e);
  }
}
