/** A service URL fit for a terminal or a log: the password replaced by `***`, no trailing slash. */
export function redactUrl(url: URL): string {
  const copy = new URL(url.toString());
  if (copy.password) copy.password = '***';
  return copy.toString().replace(/\/$/, '');
}
