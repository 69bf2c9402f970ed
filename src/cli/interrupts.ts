/**
 * SIGINT, SIGTERM and SIGHUP during a run that changes a database: the first one asks the run to stop after the
 * statement that is running (a killed client's statement would finish on the server anyway, unrecorded); a second
 * SIGINT stops the running statement itself (`KILL QUERY`). The exit code is 128 + the signal's number.
 */
import process from "node:process";
import { err } from "./output.ts";

const SIGNALS = ["SIGHUP", "SIGINT", "SIGTERM"] as const;

/** The signal that stopped a run. */
export type StopSignal = (typeof SIGNALS)[number];

/** Handlers installed for one run; `dispose` removes them. */
export interface Interrupts {
  /** Aborted on the first signal. */
  readonly signal: AbortSignal;
  /** The first signal received, if any. */
  received(): StopSignal | undefined;
  dispose(): void;
}

/** Installs the handlers; `cancel` is called on a second SIGINT to stop the running statement. */
export function catchInterrupts(cancel: () => Promise<boolean>): Interrupts {
  const controller = new AbortController();
  let first: StopSignal | undefined;
  const handlers = new Map<StopSignal, () => void>();
  for (const name of SIGNALS) {
    const handler = (): void => {
      if (first === undefined) {
        first = name;
        err(
          `\n${name} received: stopping after the running statement${name === "SIGINT" ? " (Ctrl-C again cancels it)" : ""}\n`,
        );
        controller.abort();
        return;
      }
      if (name !== "SIGINT") return;
      err("SIGINT again: cancelling the running statement (KILL QUERY)\n");
      void cancel().then((done) => done || err("no statement to cancel\n"));
    };
    handlers.set(name, handler);
    process.on(name, handler);
  }
  return {
    signal: controller.signal,
    received: () => first,
    dispose: () => {
      for (const [name, handler] of handlers) process.off(name, handler);
    },
  };
}
