/**
 * What the user was doing when their session ended: the page and what they had typed in its forms, kept in this
 * tab's sessionStorage (gone when the tab closes, cleared on logout and once given back) and restored after they
 * log in again. Passwords and files are never kept. Generic: any page's fields are found again by their form and
 * their name or label, so no page has to take part.
 */
const RETURN_KEY = 'passerelle.returnTo';
const DRAFT_KEY = 'passerelle.drafts';
/** The web app's base path (the router's basename). */
const BASE = '/app';

interface Draft {
  readonly key: string;
  readonly value: string;
}

const KEPT =
  'input:not([type]), input[type="text"], input[type="email"], input[type="tel"], input[type="number"], input[type="date"], input[type="datetime-local"], input[type="search"], input[type="url"], textarea';

const text = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();

/** Where a field is: its form (or section), and its name or label, with a rank among fields so named. */
function descriptor(element: HTMLInputElement | HTMLTextAreaElement): string {
  const container = element.closest('form, section, [role="dialog"]');
  const where =
    container?.getAttribute('aria-label') ?? text(container?.querySelector('h2, h3, legend')?.textContent) ?? '';
  const label = element.labels?.[0]?.textContent ?? element.getAttribute('aria-label') ?? '';
  return `${where}|${element.name || text(label).replace(/\s*\*$/, '')}`;
}

function fields(): Array<{ element: HTMLInputElement | HTMLTextAreaElement; key: string }> {
  const seen = new Map<string, number>();
  return [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(KEPT)]
    .filter((element) => !element.disabled && !element.readOnly && !element.closest('[aria-hidden="true"]'))
    .map((element) => {
      const base = descriptor(element);
      const rank = seen.get(base) ?? 0;
      seen.set(base, rank + 1);
      return { element, key: `${base}|${rank}` };
    });
}

/** The page's path inside the app (`/personnes/…`), or null on the login page. */
function currentPage(): string | null {
  const path = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) : null;
  if (path === null || path.startsWith('/connexion')) return null;
  return `${path || '/'}${window.location.search}${window.location.hash}`;
}

/** Keeps the page and what its fields hold (called as the session ends, before the page goes). */
export function keepWork(): void {
  const page = currentPage();
  if (!page) return;
  const drafts: Draft[] = fields()
    .filter(({ element }) => element.value !== '')
    .map(({ element, key }) => ({ key, value: element.value }));
  sessionStorage.setItem(RETURN_KEY, page);
  if (drafts.length > 0) sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ page, drafts }));
  else sessionStorage.removeItem(DRAFT_KEY);
}

/** The page to go back to after logging in, or null; kept until the user is past the login page. */
export function returnPage(): string | null {
  return sessionStorage.getItem(RETURN_KEY);
}

/** Forgets the kept work (logout). */
export function forgetWork(): void {
  sessionStorage.removeItem(RETURN_KEY);
  sessionStorage.removeItem(DRAFT_KEY);
}

/** Sets a field's value as typing would, so React's state follows. */
function type(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Once the user is past the login page: forgets the page to return to, and gives the kept text back once the page
 * it was typed on shows its fields again (the page loads its data first). Watches the document for up to 20 seconds,
 * fills each field once, then forgets the drafts.
 */
export function restoreWork(): void {
  if (!sessionStorage.getItem(RETURN_KEY) && !sessionStorage.getItem(DRAFT_KEY)) return;
  let kept: { page: string; drafts: Draft[] } | null = null;
  try {
    kept = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null') as { page: string; drafts: Draft[] } | null;
  } catch {
    sessionStorage.removeItem(DRAFT_KEY);
  }
  const pending = new Map((kept?.drafts ?? []).map((draft) => [draft.key, draft.value]));
  const fill = (): boolean => {
    const here = currentPage();
    if (here === null) return false;
    sessionStorage.removeItem(RETURN_KEY);
    if (!kept) return true;
    if (here !== kept.page) return false;
    for (const { element, key } of fields()) {
      const value = pending.get(key);
      if (value === undefined) continue;
      if (element.value !== value) type(element, value);
      pending.delete(key);
    }
    return pending.size === 0;
  };
  const done = () => {
    observer.disconnect();
    clearTimeout(timer);
    sessionStorage.removeItem(DRAFT_KEY);
  };
  const observer = new MutationObserver(() => {
    if (fill()) done();
  });
  const timer = setTimeout(done, 20_000);
  observer.observe(document.body, { childList: true, subtree: true });
  if (fill()) done();
}
