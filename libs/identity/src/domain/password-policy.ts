/**
 * Passwords of local accounts: long rather than complicated (ANSSI and NIST guidance), and not the
 * person's own e-mail. Returns the reason a password is refused, or null when it is acceptable.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  if (new Set(password).size < 5) return 'must not repeat the same few characters';
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) return 'must not contain the e-mail address';
  return null;
}

/** Who the password belongs to: words an attacker tries first against this account. */
export interface PasswordOwner {
  readonly email: string;
  readonly displayName?: string;
}

export const COMMON_PASSWORD_REASON = 'is a common password or a variant of one';
export const PERSONAL_PASSWORD_REASON = 'must not be built on your name, your e-mail or the application’s name';

// A core shorter than this is too short to be "built on" a word (the list also holds 'abc', '1234').
const MIN_CORE_LENGTH = 4;
const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};

/**
 * Refuses a password that guessing tools try early: a listed common password, or one padded to the
 * minimum length (`Motdepasse2024!`, `azertyazerty`, `P@ssw0rd12345`, `Dupont59000!!` for Jean Dupont).
 * Only 308 listed passwords reach 12 characters, so the exact match alone would stop almost nothing:
 * the variants are what guessers actually try (case, separators, leetspeak, digits and symbols
 * around a word, a word repeated). `common` holds lower-case entries.
 */
export function commonPasswordProblem(
  password: string,
  owner: PasswordOwner,
  common: ReadonlySet<string>,
): string | null {
  const candidates = passwordCores(password);
  if (candidates.some((candidate) => common.has(candidate))) return COMMON_PASSWORD_REASON;
  const personal = personalWords(owner);
  if (candidates.some((candidate) => personal.has(candidate))) return PERSONAL_PASSWORD_REASON;
  return null;
}

/** The forms of a password a guesser derives from one word; every form is lower case. */
export function passwordCores(password: string): string[] {
  const lower = password.normalize('NFKC').toLowerCase();
  const joined = lower.replace(/[\s._-]+/g, '');
  const forms = new Set<string>([lower, joined]);
  for (const form of [joined, deLeet(joined)]) {
    forms.add(form);
    // Digits and symbols stuck around a word: `2024motdepasse!!` → `motdepasse`.
    const core = form.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    forms.add(core);
    forms.add(deLeet(core));
    const unit = repeatedUnit(core);
    if (unit) forms.add(unit);
  }
  // The whole password is checked whatever its length; derived forms only from a real word up.
  return [...forms].filter((form) => form === lower || form.length >= MIN_CORE_LENGTH);
}

function deLeet(text: string): string {
  return text.replace(/[@4310!$57]/g, (char) => LEET[char] ?? char);
}

/** `azertyazerty` → `azerty`; null when the text is not a repetition. */
function repeatedUnit(text: string): string | null {
  const match = /^(.+?)\1+$/u.exec(text);
  return match ? match[1] : null;
}

function personalWords(owner: PasswordOwner): Set<string> {
  const local = owner.email.split('@')[0]?.toLowerCase() ?? '';
  const words = [
    local,
    local.replace(/[._+-]+/g, ''),
    ...local.split(/[._+-]+/),
    ...(owner.displayName ?? '')
      .normalize('NFKC')
      .toLowerCase()
      .split(/[^\p{L}]+/u),
    (owner.displayName ?? '').toLowerCase().replace(/[^\p{L}]+/gu, ''),
    'passerelle',
  ];
  return new Set(words.filter((word) => word.length >= MIN_CORE_LENGTH));
}
