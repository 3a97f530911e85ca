import { type CandidateCard, years } from './candidate-card.js';
import { escape, page } from './card-page.js';
import type { EmployerAnswer } from './employer.js';
import {
  type OfferedSlot,
  REFUSAL_REASON_LABELS,
  REFUSAL_REASONS,
  type RefusalReason,
  slotLabel,
} from './shortlist.js';

/**
 * The employer's shortlist page: the cards side by side (columns that scroll sideways on a phone,
 * one beside the other on a wider screen) and, under each, the three answers as forms that work
 * without script. No welfare status, no surname, no contact detail: the card's content only.
 */

export interface ShortlistPagePerson {
  readonly entryId: string;
  readonly position: number;
  readonly card: CandidateCard;
  readonly answer: EmployerAnswer | null;
  readonly slotStartsAt: Date | null;
  readonly proposedSlot: string | null;
  readonly refusalReason: RefusalReason | null;
  readonly freeText: string | null;
  readonly messages: ReadonlyArray<{ authorKind: 'employer' | 'user'; authorName: string | null; body: string }>;
}

const STYLE = `
  main.wide { max-width: 75rem; }
  .compare { display: flex; gap: .75rem; overflow-x: auto; scroll-snap-type: x mandatory; padding-bottom: .5rem; }
  .person { flex: 0 0 86%; scroll-snap-align: start; border: 1px solid #ccc; border-radius: .4rem; padding: .75rem; box-sizing: border-box; }
  @media (min-width: 48rem) { .person { flex: 1 1 0; min-width: 16rem; } }
  .person h2 { margin-top: 0; font-size: 1.3rem; }
  .person h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
  details { border-top: 1px solid #ddd; padding: .4rem 0; }
  summary { cursor: pointer; font-weight: bold; padding: .4rem 0; color: #000091; }
  details form { border: 0; margin: 0; padding: 0; }
  fieldset { border: 0; padding: 0; margin: 0; } legend { font-weight: bold; padding: 0; }
  .slot { display: flex; gap: .5rem; align-items: center; margin: .3rem 0; } .slot input { width: auto; }
  select { font: inherit; padding: .4rem; width: 100%; }
  .answered { background: #eef3fb; border-left: 4px solid #000091; padding: .5rem .7rem; }
  ol.thread { list-style: none; padding: 0; } ol.thread li { margin: .4rem 0; padding: .4rem .6rem; border-radius: .3rem; background: #f2f2f2; }
  ol.thread li.reply { background: #e3f4e8; }
  .hint { color: #555; font-size: .9rem; }
  .glance { overflow-x: auto; margin: .5rem 0 1rem; }
  .glance table { border-collapse: collapse; min-width: 100%; font-size: .95rem; }
  .glance th, .glance td { border: 1px solid #ddd; padding: .35rem .5rem; text-align: left; vertical-align: top; }
  .glance thead th { background: #eef3fb; }
`;

/** The people in one table, a column each: what an employer compares first, readable without scrolling each card. */
function glance(people: readonly ShortlistPagePerson[]): string {
  const availability = (card: CandidateCard): string =>
    card.availability ? `dès le ${card.availability.split('-').reverse().join('/')}` : 'rapidement';
  const mobility = (card: CandidateCard): string =>
    `${card.mobility.drivingLicence ? 'permis B' : 'sans permis'}, ${card.mobility.maxDistanceKm} km`;
  const experience = (card: CandidateCard): string => {
    const longest = [...card.experiences].sort((a, b) => b.months - a.months)[0];
    return longest ? `${longest.label} (${years(longest.months)})` : '—';
  };
  const rows: Array<[string, (person: ShortlistPagePerson) => string]> = [
    ['Expérience principale', (person) => experience(person.card)],
    ['Savoir-faire', (person) => String(person.card.skills.length)],
    ['Disponibilité', (person) => availability(person.card)],
    ['Mobilité', (person) => mobility(person.card)],
    ['Votre réponse', (person) => (person.answer ? answerSummary(person) : 'à donner')],
  ];
  return `<div class="glance" role="region" aria-labelledby="glance-title" tabindex="0">
<table>
<caption id="glance-title"><strong>En un coup d’œil</strong></caption>
<thead><tr><th scope="col">Critère</th>${people.map((person) => `<th scope="col"><a href="#p${person.position}">${escape(person.card.firstName)}</a></th>`).join('')}</tr></thead>
<tbody>
${rows.map(([label, value]) => `<tr><th scope="row">${label}</th>${people.map((person) => `<td>${label === 'Votre réponse' ? value(person) : escape(value(person))}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>
</div>`;
}

function answerSummary(person: ShortlistPagePerson): string {
  switch (person.answer) {
    case null:
      return '';
    case 'interested':
      return `Vous souhaitez rencontrer ${escape(person.card.firstName)}${
        person.slotStartsAt
          ? ` le ${escape(slotLabel(person.slotStartsAt))}`
          : person.proposedSlot
            ? ` (vous proposez : ${escape(person.proposedSlot)})`
            : ''
      }.`;
    case 'not_now':
      return `Pas pour le moment${person.refusalReason ? ` : ${escape(REFUSAL_REASON_LABELS[person.refusalReason].toLowerCase())}` : ''}.`;
    case 'question':
      return 'Vous avez posé une question.';
  }
}

function personColumn(
  person: ShortlistPagePerson,
  input: { formAction: string; slots: readonly OfferedSlot[]; problem?: string; acknowledgement?: string },
): string {
  const { card } = person;
  const n = person.position;
  const name = escape(card.firstName);
  const list = (items: readonly string[]): string =>
    items.length > 0 ? `<ul class="tags">${items.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>` : '<p>—</p>';
  const mobility = [
    card.mobility.drivingLicence ? 'permis B' : 'sans permis',
    card.mobility.vehicle ? 'véhiculé·e' : null,
    `jusqu’à ${card.mobility.maxDistanceKm} km`,
  ]
    .filter(Boolean)
    .join(', ');
  const action = `${escape(input.formAction)}#p${n}`;
  const entry = `<input type="hidden" name="entry" value="${escape(person.entryId)}">`;
  const slots =
    input.slots.length > 0
      ? `<fieldset><legend>Choisir un des créneaux proposés</legend>${input.slots
          .map(
            (slot, index) =>
              `<div class="slot"><input type="radio" id="slot-${n}-${index}" name="slot" value="${escape(slot.startsAt.toISOString())}"><label for="slot-${n}-${index}">${escape(slotLabel(slot.startsAt))}${slot.place ? ` — ${escape(slot.place)}` : ''}</label></div>`,
          )
          .join('')}</fieldset>
  <label for="proposed-${n}">Ou proposer un autre créneau (date, heure, lieu)</label>`
      : `<label for="proposed-${n}">Proposer un créneau (date, heure, lieu)</label>`;
  const thread =
    person.messages.length > 0
      ? `<h3>Vos échanges</h3><ol class="thread">${person.messages
          .map((message) =>
            message.authorKind === 'employer'
              ? `<li><strong>Vous :</strong> ${escape(message.body)}</li>`
              : `<li class="reply"><strong>Réponse de ${escape(message.authorName ?? 'l’accompagnateur')} :</strong> ${escape(message.body)}</li>`,
          )
          .join('')}</ol>`
      : '';
  return `<section class="person" id="p${n}" aria-labelledby="name-${n}">
<h2 id="name-${n}">${name}</h2>
<p class="headline">${escape(card.headline)}</p>
${input.acknowledgement ? `<p role="status" class="thanks"><strong>${escape(input.acknowledgement)}</strong></p>` : ''}
${input.problem ? `<p role="alert" class="problem">${escape(input.problem)}</p>` : ''}
${person.answer ? `<p class="answered">${answerSummary(person)}</p>` : ''}
<h3>Savoir-faire</h3>
${list(card.skills)}
<h3>Qualités</h3>
${list(card.qualities)}
<h3>Expériences</h3>
${card.experiences.length > 0 ? `<ul>${card.experiences.map((experience) => `<li>${escape(experience.label)} (${years(experience.months)})</li>`).join('')}</ul>` : '<p>—</p>'}
<h3>Disponibilité et mobilité</h3>
<p>${card.availability ? `Disponible à partir du ${escape(card.availability.split('-').reverse().join('/'))}` : 'Disponible rapidement'} ; ${escape(mobility)}.</p>
${card.languages.length > 0 ? `<h3>Langues</h3>${list(card.languages)}` : ''}
${card.note ? `<h3>Le mot de l’accompagnateur</h3><p>${escape(card.note)}</p>` : ''}
${thread}
<details>
<summary>Rencontrer ${name}</summary>
<form method="post" action="${action}">${entry}
  ${slots}
  <input id="proposed-${n}" name="proposedSlot" maxlength="300">
  <button name="answer" value="interested">Confirmer la rencontre avec ${name}</button>
</form>
</details>
<details>
<summary>Pas pour le moment</summary>
<form method="post" action="${action}">${entry}
  <label for="reason-${n}">Raison</label>
  <select id="reason-${n}" name="reason">
    <option value="">Choisir une raison</option>
    ${REFUSAL_REASONS.map((reason) => `<option value="${reason}">${escape(REFUSAL_REASON_LABELS[reason])}</option>`).join('')}
  </select>
  <label for="note-${n}">Précisions (facultatif)</label>
  <textarea id="note-${n}" name="note" rows="2" maxlength="2000"></textarea>
  <button class="secondary" name="answer" value="not_now">Envoyer « pas pour le moment »</button>
</form>
</details>
<details>
<summary>Poser une question sur ${name}</summary>
<form method="post" action="${action}">${entry}
  <label for="question-${n}">Votre question</label>
  <textarea id="question-${n}" name="question" rows="3" maxlength="2000"></textarea>
  <p class="hint">La réponse s’affichera sur cette page.</p>
  <button class="secondary" name="answer" value="question">Envoyer la question</button>
</form>
</details>
</section>`;
}

export function shortlistPage(input: {
  employerName: string;
  offerTitle: string;
  senderName: string;
  expiresAt: Date;
  formAction: string;
  slots: readonly OfferedSlot[];
  people: readonly ShortlistPagePerson[];
  /** The answer just taken: for whom, and who heard of it. */
  acknowledged?: { entryId: string; recipients: readonly (string | null)[] };
  problem?: { entryId: string; text: string };
}): string {
  const count = input.people.length;
  const acknowledgedPerson = input.people.find((person) => person.entryId === input.acknowledged?.entryId);
  const acknowledgement =
    acknowledgedPerson && input.acknowledged
      ? `Merci : votre réponse pour ${acknowledgedPerson.card.firstName} a été transmise à ${frenchList(input.acknowledged.recipients)}.`
      : undefined;
  const body = `<p>Pour ${escape(input.employerName)} — poste : ${escape(input.offerTitle)}</p>
<h1>${count > 1 ? `${count} profils à comparer` : 'Un profil à découvrir'}</h1>
<p>Proposé${count > 1 ? 's' : ''} par ${escape(input.senderName)}, jusqu’au ${escape(input.expiresAt.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }))}. Répondez pour chaque personne : la rencontrer, pas pour le moment, ou une question.</p>
${count > 1 ? glance(input.people) : ''}
${count > 1 ? '<p class="hint">Faites glisser pour voir les profils côte à côte.</p>' : ''}
<div class="compare">
${input.people
  .map((person) =>
    personColumn(person, {
      formAction: input.formAction,
      slots: input.slots,
      ...(input.problem?.entryId === person.entryId ? { problem: input.problem.text } : {}),
      ...(acknowledgement && person === acknowledgedPerson ? { acknowledgement } : {}),
    }),
  )
  .join('\n')}
</div>`;
  return page(`Sélection pour ${input.offerTitle}`, body, STYLE).replace('<main>', '<main class="wide">');
}

/** "A", "A et B", "A, B et C". */
/** Who heard the answer: their names, and « the team » for those whose name is not shown. */
function frenchList(recipients: readonly (string | null)[]): string {
  const named = recipients.filter((name): name is string => name !== null);
  const names = named.length < recipients.length ? [...named, 'l’équipe qui vous l’a envoyée'] : named;
  if (names.length === 0) return 'l’équipe qui vous l’a envoyée';
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} et ${names.at(-1)}`;
}
