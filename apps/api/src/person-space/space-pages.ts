import type { ConsentView, PersonAppointment, PersonSpaceView, ProposalView } from '@passerelle/coaching';
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
const PARIS_WHEN = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});
const day = (date: string): string => PARIS_DATE.format(new Date(`${date}T12:00:00Z`));

export interface SpaceView {
  readonly space: PersonSpaceView;
  readonly cards: readonly PersonCard[];
  /** What the person just did (shown once, after the form's redirect). */
  readonly done?: string;
  /** Why what they just sent was not taken. */
  readonly problem?: string;
}

function offerItem(action: string, proposal: ProposalView): string {
  const id = `offre-${proposal.offerId}`;
  const why =
    proposal.explanation.length > 0
      ? `<p>Pourquoi elle vous correspond :</p><ul>${proposal.explanation.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`
      : '';
  const answered =
    proposal.answer === 'interested'
      ? '<p class="state done">Vous avez dit : ça m’intéresse.</p>'
      : proposal.answer === 'not_for_me'
        ? `<p class="state done">Vous avez dit : pas pour moi${proposal.answerReason ? ` (« ${escapeHtml(proposal.answerReason)} »)` : ''}.</p>`
        : '';
  const form =
    proposal.offerStatus !== 'open'
      ? '<p>Cette offre n’est plus ouverte.</p>'
      : `<form method="post" action="${escapeHtml(`${action}/offres/${proposal.offerId}`)}" class="inline">
  ${proposal.answer === 'interested' ? '' : '<button name="answer" value="interested">Ça m’intéresse</button>'}
  <details>
    <summary>Pas pour moi</summary>
    <label for="${id}-reason">Pourquoi ? (quelques mots pour votre conseiller·ère)</label>
    <textarea id="${id}-reason" name="reason" rows="2" maxlength="500"></textarea>
    <button class="secondary" name="answer" value="not_for_me">Envoyer : pas pour moi</button>
  </details>
</form>`;
  return `<div class="item" id="${id}">
<h3>${escapeHtml(proposal.title)}</h3>
<p>${escapeHtml(proposal.employerName ?? 'Employeur non précisé')} — ${escapeHtml(proposal.communeName)}</p>
${why}${answered}${form}
</div>`;
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

const KIND: Record<string, string> = {
  in_person: 'sur place',
  phone: 'par téléphone',
  video: 'en visio',
  collective: 'atelier collectif',
};

function appointmentItem(action: string, appointment: PersonAppointment): string {
  const id = `rdv-${appointment.id}`;
  const state = appointment.moveRequestedAt
    ? `<p class="state waiting">Vous avez demandé à le déplacer : « ${escapeHtml(appointment.moveRequest ?? '')} ».</p>`
    : appointment.confirmedAt
      ? '<p class="state done">Vous avez confirmé votre venue.</p>'
      : '';
  return `<div class="item" id="${id}">
<h3>${escapeHtml(PARIS_WHEN.format(appointment.startsAt))}</h3>
<p>${escapeHtml(appointment.title ?? 'Rendez-vous avec votre conseiller·ère')} (${escapeHtml(KIND[appointment.kind] ?? appointment.kind)})${appointment.place ? ` — ${escapeHtml(appointment.place)}` : ''}</p>
${state}
<form method="post" action="${escapeHtml(`${action}/rendez-vous/${appointment.id}`)}" class="inline">
  ${appointment.confirmedAt && !appointment.moveRequestedAt ? '' : '<button name="answer" value="confirm">Je confirme</button>'}
  <details>
    <summary>Demander à le déplacer</summary>
    <label for="${id}-message">Quand pourriez-vous venir ?</label>
    <textarea id="${id}-message" name="message" rows="2" maxlength="500"></textarea>
    <button class="secondary" name="answer" value="move">Envoyer ma demande</button>
  </details>
</form>
</div>`;
}

const OBJECTIVE_STATUS: Record<string, string> = {
  planned: 'à faire',
  in_progress: 'en cours',
  achieved: 'atteint',
  abandoned: 'abandonné',
};

function commitments(action: string, space: PersonSpaceView): string {
  const cer = space.cer
    ? `<p>Votre contrat d’engagements court jusqu’au ${escapeHtml(day(space.cer.endDate))}.</p>
<p><a href="${escapeHtml(`${action}/contrat.pdf`)}" download>Télécharger mon contrat (PDF)</a></p>
${space.cer.beneficiaryCommitments.length > 0 ? `<h3>Vos engagements</h3><ul>${space.cer.beneficiaryCommitments.map((text) => `<li>${escapeHtml(text)}</li>`).join('')}</ul>` : ''}
${space.cer.serviceCommitments.length > 0 ? `<h3>Les engagements du service</h3><ul>${space.cer.serviceCommitments.map((text) => `<li>${escapeHtml(text)}</li>`).join('')}</ul>` : ''}`
    : '<p>Pas de contrat d’engagements en cours.</p>';
  const objectives =
    space.objectives.length > 0
      ? `<h3>Vos objectifs</h3><ul>${space.objectives
          .map(
            (objective) =>
              `<li>${escapeHtml(objective.title)} — ${escapeHtml(OBJECTIVE_STATUS[objective.status] ?? objective.status)}${objective.dueOn ? `, pour le ${escapeHtml(day(objective.dueOn))}` : ''}</li>`,
          )
          .join('')}</ul>`
      : '';
  return cer + objectives;
}

const CONSENTS: Record<string, string> = {
  share_profile_with_employers: 'Partager ma fiche (sans nom ni coordonnées) avec des employeurs',
  photo: 'Montrer ma photo sur ma fiche',
  contact_by_email: 'Recevoir des messages par e-mail',
  contact_by_sms: 'Recevoir des messages par SMS',
  share_file_with_professionals: 'Partager mon dossier avec d’autres professionnels qui m’accompagnent',
};

function consentItem(action: string, consent: ConsentView): string {
  return `<li><strong>${escapeHtml(CONSENTS[consent.purpose] ?? consent.purpose)}</strong> — accordé le ${escapeHtml(PARIS_DATE.format(consent.grantedAt))}
<form method="post" action="${escapeHtml(`${action}/consentements/${consent.purpose}/retrait`)}" class="inline">
  <button class="secondary">Retirer mon accord</button>
</form></li>`;
}

export function spaceHomePage(action: string, view: SpaceView): string {
  const { space } = view;
  const hello = space.firstName ? `Bonjour ${escapeHtml(space.firstName)}` : 'Bonjour';
  const done = view.done ? `<p role="status" class="thanks">${escapeHtml(view.done)}</p>` : '';
  const problem = view.problem ? `<p role="alert" class="problem">${escapeHtml(view.problem)}</p>` : '';
  const offers =
    space.proposals.length === 0
      ? '<p>Aucune offre proposée pour le moment.</p>'
      : space.proposals.map((proposal) => offerItem(action, proposal)).join('\n');
  const cards =
    view.cards.length === 0
      ? '<p>Aucune fiche en préparation pour le moment.</p>'
      : `<p>Voici votre fiche telle que l’employeur la verra. Rien n’est envoyé sans votre accord.</p>
${view.cards.map((item) => cardItem(action, item)).join('\n')}`;
  const appointments =
    space.appointments.length === 0
      ? '<p>Aucun rendez-vous prévu.</p>'
      : space.appointments.map((appointment) => appointmentItem(action, appointment)).join('\n');
  const consents =
    space.consents.length === 0
      ? '<p>Vous n’avez donné aucun accord en cours.</p>'
      : `<p>Vous pouvez retirer un accord à tout moment : c’est immédiat.</p><ul>${space.consents.map((consent) => consentItem(action, consent)).join('')}</ul>`;
  return spacePage(
    'Mon espace',
    `<h1>${hello}</h1>
${done}${problem}
<nav aria-label="Rubriques"><ul>
<li><a href="#offres">Offres</a></li><li><a href="#fiches">Ma fiche</a></li><li><a href="#rendez-vous">Rendez-vous</a></li><li><a href="#engagements">Engagements</a></li><li><a href="#accords">Mes accords</a></li>
</ul></nav>
<section aria-labelledby="offres"><h2 id="offres">Offres proposées par votre conseiller·ère</h2>
${offers}
</section>
<section aria-labelledby="fiches"><h2 id="fiches">Ma fiche pour les employeurs</h2>
${cards}
</section>
<section aria-labelledby="rendez-vous"><h2 id="rendez-vous">Mes prochains rendez-vous</h2>
${appointments}
</section>
<section aria-labelledby="engagements"><h2 id="engagements">Mes engagements et objectifs</h2>
${commitments(action, space)}
</section>
<section aria-labelledby="accords"><h2 id="accords">Mes accords</h2>
${consents}
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
