/**
 * Output that reaches its destination at once and never kills the run: written synchronously (a pipe or a file holds
 * every line up to the moment a run is killed), and a vanished terminal (SSH dropped: EIO, EPIPE) only stops the
 * output, never the statement being run. Inside one target of a multi-target run, output is held for that target
 * (output-capture.ts).
 */
import { writeSync } from "node:fs";
import { captureBuffer } from "./output-capture.ts";

const broken = new Set<number>();

function write(fd: number, text: string): void {
  const held = captureBuffer();
  if (held) return void (text === "" || held.push({ fd, text }));
  if (broken.has(fd) || text === "") return;
  try {
    writeSync(fd, text);
  } catch {
    broken.add(fd);
  }
}

/** Writes to stdout now. */
export function out(text: string): void {
  write(1, text);
}

/** Writes to stderr now. */
export function err(text: string): void {
  write(2, text);
}
