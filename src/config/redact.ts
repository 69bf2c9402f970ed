/**
 * Keeps passwords out of messages: a URL's `user:password@` becomes `user:xxxxx@` (Go's `url.Redacted` spelling).
 */

/**
 * Redacts the password of one URL (`mysql://u:secret@h/db` → `mysql://u:xxxxx@h/db`); other text is returned as is.
 * The password runs to the last `@`, so unescaped `/`, `@` or `?` inside it are still hidden.
 */
export function redactUrl(url: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^:@/?#]*):(.*)@([^@]*)$/s.exec(url);
  return m ? `${m[1]}${m[2]}:xxxxx@${m[4]}` : url;
}

/** Redacts every URL found in a piece of text (for error messages that quote user input). */
export function redactText(text: string): string {
  return text.replace(/[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s"'`]*/g, (url) => redactUrl(url));
}
