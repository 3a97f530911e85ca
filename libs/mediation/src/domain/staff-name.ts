/**
 * The name an employer may read for a member of staff: their display name, unless it is their
 * login (the e-mail address, or the part before its '@', as accounts created in a hurry carry).
 * An employer never reads a login or an address on a page: null, and the page says "the team".
 */
export function employerFacingStaffName(displayName: string, email: string): string | null {
  const name = displayName.trim();
  const address = email.trim().toLowerCase();
  const login = address.split('@')[0] ?? '';
  const lower = name.toLowerCase();
  if (!name || lower === address || lower === login || name.includes('@')) return null;
  return name;
}
