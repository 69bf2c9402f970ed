/**
 * One answer typed on the terminal, read key by key in raw mode (node:tty: the same under Node, Bun, Deno and the
 * compiled binary): Enter ends it; Esc, Ctrl-C, Ctrl-D and the end of input cancel it; shown as typed or hidden.
 */
import process from "node:process";
import type { ReadStream } from "node:tty";

/** One key of terminal input, as far as a one-line answer cares. */
export type Key = { readonly kind: "text"; readonly text: string } | { readonly kind: "enter" | "erase" | "cancel" };

/**
 * Decodes raw terminal input: printable text, Enter (CR or LF), Backspace, and Esc / Ctrl-C / Ctrl-D as cancel.
 * Escape sequences (arrow keys, function keys) and other control characters are dropped.
 */
export function decodeKeys(input: string): Key[] {
  const keys: Key[] = [];
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === "\r" || c === "\n") keys.push({ kind: "enter" });
    else if (c === "\x7f" || c === "\b") keys.push({ kind: "erase" });
    else if (c === "\x03" || c === "\x04") keys.push({ kind: "cancel" });
    else if (c === "\x1b") {
      const next = input[i + 1];
      if (next === "[") {
        // CSI: parameters, then one final byte in @..~.
        i += 2;
        while (i < input.length && !/[@-~]/.test(input[i]!)) i++;
      } else if (next === "O") i += 2;
      else keys.push({ kind: "cancel" });
    } else if (c >= " ") keys.push({ kind: "text", text: c });
  }
  return keys;
}

/**
 * Writes `prompt` to stderr and reads one line from the terminal on stdin; resolves to the text typed, or undefined
 * when cancelled. With `hidden`, nothing typed is shown. The caller checks that stdin is a terminal.
 */
export function readAnswer(prompt: string, opts: { readonly hidden?: boolean } = {}): Promise<string | undefined> {
  const input = process.stdin as ReadStream;
  const output = process.stderr;
  return new Promise((resolve) => {
    let text = "";
    const finish = (answer: string | undefined): void => {
      input.off("data", onData);
      input.off("end", onEnd);
      input.setRawMode(false);
      input.pause();
      output.write("\n");
      resolve(answer);
    };
    const onData = (chunk: string): void => {
      for (const key of decodeKeys(chunk)) {
        if (key.kind === "enter") return finish(text);
        if (key.kind === "cancel") return finish(undefined);
        if (key.kind === "erase" && text !== "") {
          text = [...text].slice(0, -1).join("");
          if (!opts.hidden) output.write("\b \b");
        } else if (key.kind === "text") {
          text += key.text;
          if (!opts.hidden) output.write(key.text);
        }
      }
    };
    const onEnd = (): void => finish(undefined);
    // Raw mode before the prompt shows: a key typed at once (Ctrl-C, Ctrl-D, a password) never meets the line discipline.
    input.setEncoding("utf8");
    input.setRawMode(true);
    input.on("data", onData);
    input.on("end", onEnd);
    input.resume();
    output.write(prompt);
  });
}
