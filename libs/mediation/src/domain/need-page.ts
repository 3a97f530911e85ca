import { escape, page } from './card-page.js';
import { NEED_CONTRACTS, type NeedField, type NeedForm, type NeedProblem } from './employer-need.js';

/** The page an employer posts a recruitment need on (no account, no script), and what follows. */

interface FieldSpec {
  readonly name: NeedField;
  readonly label: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly kind?: 'text' | 'textarea' | 'date' | 'email' | 'tel' | 'contract';
  readonly max: number;
  readonly autocomplete?: string;
}

const COMPANY_FIELDS: readonly FieldSpec[] = [
  { name: 'companyName', label: 'Nom de votre entreprise', required: true, max: 200, autocomplete: 'organization' },
  {
    name: 'siret',
    label: 'Numéro SIRET',
    hint: '14 chiffres, sur vos factures ou fiches de paie.',
    required: true,
    max: 20,
  },
];

const NEED_FIELDS: readonly FieldSpec[] = [
  {
    name: 'jobTitle',
    label: 'Poste à pourvoir',
    hint: 'Par exemple : vendeur·se en boulangerie.',
    required: true,
    max: 200,
  },
  {
    name: 'place',
    label: 'Lieu de travail',
    hint: 'Commune ou code postal, et l’adresse si vous le souhaitez.',
    required: true,
    max: 300,
  },
  {
    name: 'hours',
    label: 'Horaires',
    hint: 'Par exemple : du mardi au samedi, 6 h – 13 h, 30 heures par semaine.',
    required: true,
    kind: 'textarea',
    max: 500,
  },
  {
    name: 'startOn',
    label: 'Date de début souhaitée',
    hint: 'Laissez vide si c’est dès que possible.',
    kind: 'date',
    max: 10,
  },
  { name: 'contractType', label: 'Type de contrat', kind: 'contract', max: 40 },
  {
    name: 'whatMatters',
    label: 'Ce qui compte pour vous',
    hint: 'Ce que la personne doit savoir faire, ce qui est appris sur place, ce qui n’est pas nécessaire.',
    kind: 'textarea',
    max: 2000,
  },
];

const CONTACT_FIELDS: readonly FieldSpec[] = [
  { name: 'contactName', label: 'Votre nom', required: true, max: 200, autocomplete: 'name' },
  { name: 'contactEmail', label: 'Votre adresse e-mail', kind: 'email', max: 200, autocomplete: 'email' },
  {
    name: 'contactPhone',
    label: 'Votre téléphone',
    hint: 'L’e-mail ou le téléphone suffit.',
    kind: 'tel',
    max: 20,
    autocomplete: 'tel',
  },
];

function field(spec: FieldSpec, values: NeedForm, problems: readonly NeedProblem[]): string {
  const problem = problems.find((item) => item.field === spec.name);
  const value = escape(values[spec.name] ?? '');
  const described = [spec.hint ? `${spec.name}-hint` : null, problem ? `${spec.name}-problem` : null].filter(Boolean);
  const attributes = [
    `id="${spec.name}"`,
    `name="${spec.name}"`,
    spec.required ? 'required' : '',
    problem ? 'aria-invalid="true"' : '',
    described.length > 0 ? `aria-describedby="${described.join(' ')}"` : '',
    spec.autocomplete ? `autocomplete="${spec.autocomplete}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const label = `<label for="${spec.name}">${escape(spec.label)}${spec.required ? ' (obligatoire)' : ''}</label>`;
  const hint = spec.hint ? `<span class="hint" id="${spec.name}-hint">${escape(spec.hint)}</span>` : '';
  const error = problem ? `<span class="problem" id="${spec.name}-problem">${escape(problem.message)}</span>` : '';
  let control: string;
  if (spec.kind === 'textarea')
    control = `<textarea ${attributes} rows="3" maxlength="${spec.max}">${value}</textarea>`;
  else if (spec.kind === 'contract')
    control = `<select ${attributes}><option value="">Je ne sais pas encore</option>${NEED_CONTRACTS.map(
      (contract) =>
        `<option value="${escape(contract)}"${values.contractType === contract ? ' selected' : ''}>${escape(contract)}</option>`,
    ).join('')}</select>`;
  else {
    const type = spec.kind === 'date' || spec.kind === 'email' || spec.kind === 'tel' ? spec.kind : 'text';
    control = `<input type="${type}" ${attributes} maxlength="${spec.max}" value="${value}">`;
  }
  return `${label}${hint}${error}${control}`;
}

/** A need already posted, as its employer reads what became of it. */
export interface PostedNeedView {
  readonly jobTitle: string;
  readonly receivedAt: Date;
  readonly qualifiedAt: Date | null;
  readonly published: boolean;
}

const parisDay = (date: Date): string =>
  date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });

/** What became of each need: received and waiting, taken up, published. */
function postedSection(posted: readonly PostedNeedView[]): string {
  if (posted.length === 0) return '';
  const state = (need: PostedNeedView): string =>
    need.qualifiedAt === null
      ? 'reçu, en attente de reprise par le service'
      : need.published
        ? `repris le ${parisDay(need.qualifiedAt)}, offre publiée`
        : `repris le ${parisDay(need.qualifiedAt)}, pas encore publié`;
  return `<section aria-labelledby="deja-envoyes"><h2 id="deja-envoyes">Vos besoins déjà envoyés</h2><ul>${posted
    .map(
      (need) =>
        `<li><strong>${escape(need.jobTitle)}</strong>, envoyé le ${escape(parisDay(need.receivedAt))} : <span class="need-state">${escape(state(need))}</span></li>`,
    )
    .join('')}</ul></section>`;
}

/** The form; with `problems`, the fields are filled with what was sent and each problem is said next to its field. */
export function needPage(input: {
  readonly employerName: string | null;
  readonly structureName: string;
  readonly formAction: string;
  readonly values?: NeedForm;
  readonly problems?: readonly NeedProblem[];
  /** The needs already posted through this (employer's own) link. */
  readonly posted?: readonly PostedNeedView[];
}): string {
  const values = input.values ?? {};
  const problems = input.problems ?? [];
  const fields = (specs: readonly FieldSpec[]) => specs.map((spec) => field(spec, values, problems)).join('\n');
  const summary =
    problems.length > 0
      ? `<div role="alert" class="problem" id="problemes"><p>Votre besoin n’a pas encore été envoyé : ${
          problems.length === 1 ? 'un champ est à corriger' : `${problems.length} champs sont à corriger`
        }.</p><ul>${problems
          .map((problem) => `<li><a href="#${problem.field}">${escape(problem.message)}</a></li>`)
          .join('')}</ul></div>`
      : '';
  const body = `<h1>Votre besoin de recrutement</h1>
<p>${
    input.employerName ? `Pour ${escape(input.employerName)}, auprès de ` : 'Auprès de '
  }${escape(input.structureName)}. Décrivez le poste avec vos mots : un·e chargé·e de relation entreprise le reprend avec vous et vous propose des candidat·es sous 48 heures.</p>
${postedSection(input.posted ?? [])}
${summary}
<form method="post" action="${escape(input.formAction)}" novalidate>
${input.employerName ? '' : `<h2>Votre entreprise</h2>\n${fields(COMPANY_FIELDS)}`}
<h2>Le poste</h2>
${fields(NEED_FIELDS)}
<h2>Pour vous joindre</h2>
${fields(CONTACT_FIELDS)}
<button type="submit">Envoyer mon besoin</button>
</form>`;
  return page('Votre besoin de recrutement', body);
}

/** The page after the need is received: when, and the promise. */
export function needReceivedPage(input: { readonly jobTitle: string; readonly receivedAt: Date }): string {
  const at = input.receivedAt.toLocaleString('fr-FR', {
    timeZone: 'Europe/Paris',
    dateStyle: 'long',
    timeStyle: 'short',
  });
  return page(
    'Besoin reçu',
    `<p role="status" class="thanks"><strong>Merci, votre besoin « ${escape(input.jobTitle)} » a bien été reçu le ${escape(at)}.</strong></p>
<h1>Et maintenant ?</h1>
<p>Un·e chargé·e de relation entreprise vous contacte pour préciser le poste, puis vous propose des candidat·es sous 48 heures.</p>
<p>Vous pouvez fermer cette page.</p>`,
  );
}

const NEED_GONE: Record<string, string> = {
  expired: 'Ce lien a expiré.',
  revoked: 'Ce lien a été désactivé par le service.',
};

export function needGonePage(reason: string): string {
  return page(
    'Lien expiré',
    `<h1>Ce formulaire n’est plus disponible</h1><p>${escape(NEED_GONE[reason] ?? 'Ce lien n’est plus valide.')}</p>
<p>Pour déposer un besoin, contactez le service qui vous a transmis ce lien.</p>`,
  );
}
