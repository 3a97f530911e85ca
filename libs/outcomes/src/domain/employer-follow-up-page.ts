import { escapeHtml as escape, htmlPage as page } from '@passerelle/mediation';
import {
  EMPLOYER_REMARK_MAX,
  END_REASON_LABELS,
  FRENCH_DATE_FORMAT,
  type EmployerFollowUpAnswer,
  type EmployerFollowUpForm,
  type EmployerFollowUpProblem,
  milestoneLabel,
} from './employer-follow-up.js';
import { type Milestone, PLACEMENT_END_REASONS } from './outcomes.js';

/**
 * The employer's follow-up pages (no account, no script, French): the two questions, the
 * acknowledgement naming who the answer went to, the answer already given, the link gone. The
 * person is named by first name and initial, with the job and its start: nothing of their file.
 * The end date is a text field asking for JJ/MM/AAAA: a browser's date field shows the browser's
 * own format (mm/dd/yyyy in an English one, whatever the page's language), and without a script
 * the page cannot correct that.
 */

export interface EmployerFollowUpJob {
  readonly person: string;
  readonly employerName: string;
  readonly job: string;
  readonly startDate: string;
  readonly milestone: Milestone;
}

const longDate = (iso: string): string =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });
const longDateTime = (date: Date): string =>
  date.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

function jobSummary(job: EmployerFollowUpJob): string {
  return `<dl class="job">
<dt>Personne</dt><dd>${escape(job.person)}</dd>
<dt>Poste</dt><dd>${escape(job.job)}</dd>
<dt>Embauche le</dt><dd>${escape(longDate(job.startDate))}</dd>
</dl>`;
}

const STYLE = `
  dl.job { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 1rem 0; }
  dl.job dt { font-weight: bold; } dl.job dd { margin: 0; }
  fieldset.when-left { border-left: 3px solid #ddd; padding-left: .8rem; }
  fieldset.when-left label { display: block; margin: .8rem 0 .2rem; } fieldset.when-left input { width: 100%; }
  fieldset.when-left input#endDate { max-width: 10rem; }
`;

function problemFor(problems: readonly EmployerFollowUpProblem[], field: string): EmployerFollowUpProblem | undefined {
  return problems.find((problem) => problem.field === field);
}

function described(field: string, hint: boolean, problem: EmployerFollowUpProblem | undefined): string {
  const ids = [hint ? `${field}-hint` : null, problem ? `${field}-problem` : null].filter(Boolean);
  return [problem ? 'aria-invalid="true"' : '', ids.length > 0 ? `aria-describedby="${ids.join(' ')}"` : '']
    .filter(Boolean)
    .join(' ');
}

const problemText = (field: string, problem: EmployerFollowUpProblem | undefined): string =>
  problem ? `<span class="problem" id="${field}-problem">${escape(problem.message)}</span>` : '';

/** The form; with `problems`, filled with what was sent and each problem said next to its field. */
export function employerFollowUpPage(input: {
  readonly job: EmployerFollowUpJob;
  readonly formAction: string;
  readonly values?: EmployerFollowUpForm;
  readonly problems?: readonly EmployerFollowUpProblem[];
}): string {
  const values = input.values ?? {};
  const problems = input.problems ?? [];
  const still = problemFor(problems, 'stillEmployed');
  const endDate = problemFor(problems, 'endDate');
  const endReason = problemFor(problems, 'endReason');
  const remark = problemFor(problems, 'remark');
  const summary =
    problems.length > 0
      ? `<div role="alert" class="problem" id="problemes"><p>Votre réponse n’a pas encore été envoyée : ${
          problems.length === 1 ? 'un point est à corriger' : `${problems.length} points sont à corriger`
        }.</p><ul>${problems
          .map((problem) => `<li><a href="#${problem.field}">${escape(problem.message)}</a></li>`)
          .join('')}</ul></div>`
      : '';
  const radio = (value: 'oui' | 'non', label: string, first: boolean) =>
    `<label><input type="radio" name="stillEmployed" value="${value}"${first ? ' id="stillEmployed"' : ''}${
      values.stillEmployed === value ? ' checked' : ''
    } required> ${label}</label>`;
  const reasons = PLACEMENT_END_REASONS.map(
    (reason) =>
      `<option value="${reason}"${values.endReason === reason ? ' selected' : ''}>${escape(END_REASON_LABELS[reason])}</option>`,
  ).join('');
  const body = `<h1>Suivi de l’embauche</h1>
<p>Pour ${escape(input.job.employerName)}, ${escape(milestoneLabel(input.job.milestone))}. Deux questions : votre réponse va à la personne du service qui suit ce recrutement.</p>
${jobSummary(input.job)}
${summary}
<form method="post" action="${escape(input.formAction)}" novalidate>
<fieldset ${described('stillEmployed', false, still)}>
<legend>La personne est-elle toujours en poste chez vous ? (obligatoire)</legend>
${problemText('stillEmployed', still)}
${radio('oui', 'Oui', true)}
${radio('non', 'Non', false)}
</fieldset>
<fieldset class="when-left">
<legend>Si elle n’est plus en poste</legend>
<label for="endDate">Date de fin (${FRENCH_DATE_FORMAT})</label>
<span class="hint" id="endDate-hint">Le dernier jour de la personne chez vous, seulement si vous avez répondu non. Format attendu : ${FRENCH_DATE_FORMAT}, par exemple 15/03/2027.</span>
${problemText('endDate', endDate)}
<input type="text" lang="fr" inputmode="numeric" autocomplete="off" maxlength="10" size="10" placeholder="jj/mm/aaaa" id="endDate" name="endDate" value="${escape(values.endDate ?? '')}" ${described('endDate', true, endDate)}>
<label for="endReason">Raison du départ</label>
${problemText('endReason', endReason)}
<select id="endReason" name="endReason" ${described('endReason', false, endReason)}><option value="">—</option>${reasons}</select>
</fieldset>
<label for="remark">Quelque chose à signaler ?</label>
<span class="hint" id="remark-hint">Facultatif, ${EMPLOYER_REMARK_MAX} caractères au plus. N’indiquez rien sur la santé de la personne.</span>
${problemText('remark', remark)}
<textarea id="remark" name="remark" rows="4" maxlength="${EMPLOYER_REMARK_MAX}" ${described('remark', true, remark)}>${escape(
    values.remark ?? '',
  )}</textarea>
<button type="submit">Envoyer ma réponse</button>
</form>`;
  return page('Suivi de l’embauche', body, STYLE);
}

function answerSummary(answer: EmployerFollowUpAnswer): string {
  const still = answer.inJob
    ? 'Toujours en poste : oui.'
    : `Toujours en poste : non, depuis le ${escape(longDate(answer.endDate!))} (${escape(
        END_REASON_LABELS[answer.endReason!].toLowerCase(),
      )}).`;
  return `<p>${still}</p>${answer.remark ? `<p>Votre message : « ${escape(answer.remark)} »</p>` : ''}`;
}

/** Who heard the answer: their names, and « the team » for those whose name is not shown. */
const names = (recipients: readonly (string | null)[]): string => {
  const named = recipients.filter((name): name is string => name !== null);
  const all = named.length < recipients.length ? [...named, 'l’équipe qui suit ce recrutement'] : named;
  return all.length <= 1
    ? (all[0] ?? 'l’équipe qui suit ce recrutement')
    : `${all.slice(0, -1).join(', ')} et ${all.at(-1)}`;
};

/** After the answer, or when it was already given: when, what, and to whom it went. */
export function employerFollowUpAnsweredPage(input: {
  readonly job: EmployerFollowUpJob;
  readonly answer: EmployerFollowUpAnswer;
  readonly answeredAt: Date;
  readonly recipients: readonly (string | null)[];
  readonly again: boolean;
}): string {
  const head = input.again
    ? `<p role="status" class="thanks"><strong>Vous avez déjà répondu le ${escape(longDateTime(input.answeredAt))} : votre réponse a été transmise à ${escape(
        names(input.recipients),
      )}.</strong> Une seule réponse est possible par lien.</p>`
    : `<p role="status" class="thanks"><strong>Merci, votre réponse a été transmise à ${escape(
        names(input.recipients),
      )} le ${escape(longDateTime(input.answeredAt))}.</strong></p>`;
  return page(
    'Réponse transmise',
    `${head}
<h1>Suivi de l’embauche</h1>
${jobSummary(input.job)}
<h2>Votre réponse</h2>
${answerSummary(input.answer)}
<p>Pour ajouter quelque chose, contactez directement le service qui vous a écrit. Vous pouvez fermer cette page.</p>`,
    STYLE,
  );
}

const GONE: Record<string, string> = {
  expired: 'Ce lien a expiré.',
  revoked: 'Ce lien a été désactivé par le service.',
  answered_elsewhere: 'Une réponse a déjà été donnée pour ce suivi, par un autre lien.',
};

export function employerFollowUpGonePage(reason: string): string {
  return page(
    'Lien expiré',
    `<h1>Ce formulaire n’est plus disponible</h1><p>${escape(GONE[reason] ?? 'Ce lien n’est plus valide.')}</p>
<p>Pour donner des nouvelles de la personne embauchée, contactez le service qui vous a transmis ce lien.</p>`,
  );
}
