/** The password policy's reasons (identity's password-policy.ts), as the person reads them next to the field. */
const PASSWORD_REASONS: Array<[RegExp, string]> = [
  [/^wrong password$/, 'Ce n’est pas votre mot de passe actuel.'],
  [/at least (\d+) characters/, 'Le mot de passe doit comporter au moins $1 caractères.'],
  [/at most (\d+) characters/, 'Le mot de passe doit comporter au plus $1 caractères.'],
  [/repeat the same few characters/, 'Le mot de passe ne doit pas répéter les mêmes quelques caractères.'],
  [/contain the e-mail address/, 'Le mot de passe ne doit pas contenir votre adresse e-mail.'],
  [
    /common password/,
    'Ce mot de passe est trop courant (ou une variante d’un mot de passe courant) : choisissez-en un autre.',
  ],
  [
    /built on your name/,
    'Le mot de passe ne doit pas être construit sur votre nom, votre adresse e-mail ou le nom de l’application.',
  ],
  [/same as the current password/, 'Le nouveau mot de passe doit être différent de l’actuel.'],
];

/** A refusal of the policy as the person reads it beside the field (else the API's words). */
export function inFrench(reason: string): string {
  for (const [pattern, french] of PASSWORD_REASONS) {
    const match = pattern.exec(reason);
    if (match) return french.replace('$1', match[1] ?? '');
  }
  return reason;
}
