import { type CandidateCard, years } from './candidate-card.js';

/** Pages employers open from a card link: French, readable on a phone, printable, no script. */

/** The page's text escaped for HTML (text and attribute values). */
export function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The frame of every page without script: the employers' (a wider one adds `extraStyle`) and the
 * person's space (its own style and footer).
 */
export function page(title: string, body: string, extraStyle = '', footer?: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escape(title)} — Passerelle</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1b1b1b; background: #f6f6f6; }
  main { max-width: 40rem; margin: 0 auto; padding: 1rem; background: #fff; min-height: 100vh; }
  h1 { font-size: 1.6rem; margin: .5rem 0; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
  img.photo { width: 7.5rem; height: 7.5rem; object-fit: cover; border-radius: 50%; float: right; margin-left: 1rem; }
  .headline { font-size: 1.1rem; color: #333; }
  ul.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
  ul.tags li { background: #e8f0fe; border-radius: 1rem; padding: .25rem .7rem; }
  form { border-top: 1px solid #ddd; margin-top: 1.5rem; padding-top: 1rem; }
  label { display: block; margin: .8rem 0 .2rem; } textarea, input, select { width: 100%; box-sizing: border-box; font: inherit; padding: .4rem; }
  button { font: inherit; padding: .6rem 1rem; margin: .6rem .4rem 0 0; border: 0; border-radius: .3rem; background: #000091; color: #fff; }
  button.secondary { background: #555; }
  .problem { color: #b00020; font-weight: bold; }
  .hint { display: block; font-size: .9rem; color: #595959; }
  fieldset { border: 0; padding: 0; margin: 1rem 0 0; } legend { font-weight: bold; padding: 0; }
  fieldset label { display: inline-block; margin-right: 1.2rem; } fieldset input { width: auto; }
  .thanks { background: #e3f4e8; border-left: 4px solid #18753c; padding: .6rem .8rem; margin: 0 0 1rem; }
  footer { margin-top: 2rem; font-size: .85rem; color: #666; }
  @media print { form, footer { display: none; } body, main { background: #fff; } }
${extraStyle}
</style>
</head>
<body><main>
${body}
<footer>${footer ?? 'Présenté par un service d’accompagnement vers l’emploi, via Passerelle.'}</footer>
</main></body>
</html>
`;
}

/**
 * What the card says, exactly as the employer reads it (the person's space shows the same): its
 * first heading at `level` (the name), the sections one level below.
 */
export function cardBody(card: CandidateCard, level: 1 | 2 | 3): string {
  const list = (items: readonly string[]): string =>
    `<ul class="tags">${items.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>`;
  const mobility = [
    card.mobility.drivingLicence ? 'permis B' : 'sans permis',
    card.mobility.vehicle ? 'véhiculé·e' : null,
    `jusqu’à ${card.mobility.maxDistanceKm} km`,
  ]
    .filter(Boolean)
    .join(', ');
  const h = (text: string): string => `<h${level + 1}>${text}</h${level + 1}>`;
  return `<h${level} class="name">${escape(card.firstName)}</h${level}>
<p class="headline">${escape(card.headline)}</p>
${h('Savoir-faire')}
${list(card.skills)}
${h('Qualités')}
${list(card.qualities)}
${card.note ? `${h('Le mot du conseiller')}<p>${escape(card.note)}</p>` : ''}
${h('Expériences')}
<ul>${card.experiences.map((experience) => `<li>${escape(experience.label)} (${years(experience.months)})</li>`).join('')}</ul>
${h('Disponibilité et mobilité')}
<p>${card.availability ? `Disponible à partir du ${escape(card.availability.split('-').reverse().join('/'))}` : 'Disponible rapidement'} ; ${escape(mobility)}.</p>
${card.languages.length > 0 ? `${h('Langues')}${list(card.languages)}` : ''}`;
}

export function cardPage(input: {
  card: CandidateCard;
  employerName: string;
  offerTitle: string | null;
  formAction: string;
  answered?: string;
  /** Shown only when the person has a photo and consents to it. */
  photoUrl?: string;
  /** Why the answer was not taken. */
  problem?: string;
}): string {
  const { card } = input;
  // Once answered, the thanks come first (seen on a phone without scrolling) and the form is gone:
  // a second press cannot send the answer twice. Opening the link again gives the form back.
  const thanks = input.answered
    ? `<p role="status" class="thanks" id="reponse"><strong>Merci, votre réponse a bien été transmise (${escape(input.answered)}).</strong>
<br>Le service vous recontacte rapidement. Pour ajouter un message, <a href="${escape(input.formAction)}">rouvrez la fiche</a>.</p>`
    : '';
  const form = input.answered
    ? ''
    : // The anchor brings the answer back into view after the post (the thanks, or why it was refused).
      `<form method="post" action="${escape(input.formAction)}#reponse" id="reponse">
  <h2>Votre réponse</h2>
  ${input.problem ? `<p role="alert" class="problem">${escape(input.problem)}</p>` : ''}
  <label for="proposedInterview">Proposer un entretien sur votre lieu de travail (date, heure, lieu)</label>
  <input id="proposedInterview" name="proposedInterview" maxlength="300">
  <label for="message">Message ou question</label>
  <textarea id="message" name="message" rows="3" maxlength="2000"></textarea>
  <button name="answer" value="interested">Je souhaite rencontrer ${escape(card.firstName)}</button>
  <button class="secondary" name="answer" value="not_now">Pas pour le moment</button>
  <button class="secondary" name="answer" value="question">Poser une question</button>
</form>`;
  const body = `${thanks}
<p>Pour ${escape(input.employerName)}${input.offerTitle ? ` — poste : ${escape(input.offerTitle)}` : ''}</p>
${input.photoUrl ? `<img class="photo" src="${escape(input.photoUrl)}" alt="Photo de ${escape(card.firstName)}" width="120" height="120">` : ''}
${cardBody(card, 1)}
${form}`;
  return page(`${card.firstName} — ${card.headline}`, body);
}

const GONE_REASONS: Record<string, string> = {
  expired: 'Ce lien a expiré.',
  revoked: 'Ce lien a été désactivé par le service.',
  consent_revoked: 'Ce profil n’est plus partagé.',
  closed: 'Cette mise en relation est terminée.',
};

export function gonePage(reason: string): string {
  return page(
    'Lien expiré',
    `<h1>Ce profil n’est plus disponible</h1><p>${escape(GONE_REASONS[reason] ?? 'Ce lien n’est plus valide.')}</p>
<p>Pour toute question, contactez le service qui vous l’a transmis.</p>`,
  );
}

export function tooManyRequestsPage(retryAfterSeconds: number): string {
  return page(
    'Trop de demandes',
    `<h1>Trop de demandes</h1><p>Ce lien a été ouvert trop souvent en peu de temps. Réessayez dans ${Math.max(
      1,
      Math.ceil(retryAfterSeconds),
    )} secondes.</p>`,
  );
}

export function notFoundPage(): string {
  return page(
    'Lien introuvable',
    '<h1>Lien introuvable</h1><p>Vérifiez l’adresse reçue : elle doit être recopiée en entier.</p>',
  );
}
