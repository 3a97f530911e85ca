import { cardBody, cardVersion, escapeHtml, htmlPage, type PersonCard } from '@passerelle/mediation';

/**
 * The person's space: French pages readable on an entry-level phone, with no script at all (forms
 * post back and the server answers with the next page), so they weigh only their HTML.
 */

const SPACE_CSS = `
  section { border-top: 1px solid #ddd; margin-top: 1.5rem; }
  .item { border: 1px solid #ccc; border-radius: .4rem; padding: .2rem .8rem .8rem; margin: .8rem 0; }
  .card-preview { border-left: 4px solid #000091; padding-left: .8rem; }
  .card-preview .name { font-size: 1.3rem; }
  .state { font-weight: bold; }
  .done { color: #18753c; } .waiting { color: #6a4b00; }
  form.inline { border: 0; margin: .4rem 0 0; padding: 0; }
  details { margin-top: .6rem; }
  summary { cursor: pointer; color: #000091; text-decoration: underline; }
  nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
  a { color: #000091; }
`;

const FOOTER =
  'Votre espace personnel, ouvert par votre conseiller·ère. Ne transmettez pas ce lien. Pour toute question, contactez votre conseiller·ère.';

function spacePage(title: string, body: string): string {
  return htmlPage(title, body, SPACE_CSS, FOOTER);
}

const PARIS_DATE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });

export interface SpaceView {
  readonly firstName: string | null;
  readonly cards: readonly PersonCard[];
  /** What the person just did (shown once, after the form's redirect). */
  readonly done?: string;
  /** Why what they just sent was not taken. */
  readonly problem?: string;
}

function cardItem(action: string, item: PersonCard): string {
  const id = `fiche-${item.introductionId}`;
  const state =
    item.decision === 'validated'
      ? '<p class="state done">Vous avez validé cette fiche.</p>'
      : item.decision === 'change_requested'
        ? `<p class="state waiting">Vous avez demandé une modification : « ${escapeHtml(item.comment ?? '')} ». Votre conseiller·ère la prépare.</p>`
        : item.changedSince
          ? '<p class="state waiting">Votre fiche a été modifiée depuis votre dernière réponse : relisez-la.</p>'
          : '<p class="state waiting">Elle n’est pas encore envoyée : elle attend votre accord.</p>';
  const form = `<form method="post" action="${escapeHtml(`${action}/fiches/${item.introductionId}`)}" class="inline">
  <input type="hidden" name="version" value="${escapeHtml(cardVersion(item.card))}">
  ${item.decision === 'validated' ? '' : '<button name="decision" value="validated">Je valide ma fiche</button>'}
  <details>
    <summary>Demander une modification</summary>
    <label for="${id}-comment">Ce qu’il faut changer</label>
    <textarea id="${id}-comment" name="comment" rows="3" maxlength="1000"></textarea>
    <button class="secondary" name="decision" value="change_requested">Envoyer ma demande</button>
  </details>
</form>`;
  return `<div class="item" id="${id}">
<p>Pour ${escapeHtml(item.employerName)}${item.offerTitle ? ` — poste : ${escapeHtml(item.offerTitle)}` : ''}</p>
${state}
<div class="card-preview">${cardBody(item.card, 3)}</div>
${form}
</div>`;
}

export function spaceHomePage(action: string, view: SpaceView): string {
  const hello = view.firstName ? `Bonjour ${escapeHtml(view.firstName)}` : 'Bonjour';
  const done = view.done ? `<p role="status" class="thanks">${escapeHtml(view.done)}</p>` : '';
  const problem = view.problem ? `<p role="alert" class="problem">${escapeHtml(view.problem)}</p>` : '';
  const cards =
    view.cards.length === 0
      ? '<p>Aucune fiche en préparation pour le moment.</p>'
      : `<p>Voici votre fiche telle que l’employeur la verra. Rien n’est envoyé sans votre accord.</p>
${view.cards.map((item) => cardItem(action, item)).join('\n')}`;
  return spacePage(
    'Mon espace',
    `<h1>${hello}</h1>
${done}${problem}
<section aria-labelledby="fiches"><h2 id="fiches">Ma fiche pour les employeurs</h2>
${cards}
</section>`,
  );
}

export function codePage(
  action: string,
  input: { firstName: string | null; sentBy?: 'sms' | 'email' | null; problem?: string },
): string {
  const sent =
    input.sentBy === 'sms'
      ? '<p role="status" class="thanks">Un code vient de vous être envoyé par SMS.</p>'
      : input.sentBy === 'email'
        ? '<p role="status" class="thanks">Un code vient de vous être envoyé par e-mail.</p>'
        : input.sentBy === null
          ? '<p role="alert" class="problem">Le code n’a pas pu être envoyé : contactez votre conseiller·ère.</p>'
          : '';
  const problem = input.problem ? `<p role="alert" class="problem">${escapeHtml(input.problem)}</p>` : '';
  return spacePage(
    'Confirmer votre appareil',
    `<h1>${input.firstName ? `Bonjour ${escapeHtml(input.firstName)}` : 'Bonjour'}</h1>
<p>Votre espace a déjà été ouvert sur un autre appareil. Pour l’ouvrir sur celui-ci, demandez un code : il vous est envoyé par SMS (ou par e-mail).</p>
${sent}${problem}
<form method="post" action="${escapeHtml(`${action}/code`)}" class="inline">
  <button>Recevoir un code</button>
</form>
<form method="post" action="${escapeHtml(`${action}/code/verification`)}">
  <label for="code">Code reçu (6 chiffres)</label>
  <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required>
  <button>Ouvrir mon espace</button>
</form>`,
  );
}

const GONE: Record<string, string> = {
  expired: 'Ce lien a expiré.',
  revoked: 'Ce lien a été désactivé.',
  closed: 'Votre accompagnement est terminé.',
};

export function spaceGonePage(reason: string): string {
  return spacePage(
    'Lien expiré',
    `<h1>Cet espace n’est plus ouvert</h1><p>${escapeHtml(GONE[reason] ?? 'Ce lien n’est plus valide.')}</p>
<p>Demandez un nouveau lien à votre conseiller·ère.</p>`,
  );
}

export function spaceNotFoundPage(): string {
  return spacePage(
    'Lien introuvable',
    '<h1>Lien introuvable</h1><p>Vérifiez l’adresse reçue : elle doit être recopiée en entier.</p>',
  );
}

export function formatDate(date: Date): string {
  return PARIS_DATE.format(date);
}
