/**
 * A recruitment need an employer posts through a link, in plain words: the job, the place, the
 * hours, when it starts, what matters to them, and how to reach them. The public form of a
 * structure also asks who the employer is (name and SIRET). Pure rules: reading the form and the
 * 48-hour clock.
 */

/** The promise made to employers: candidates within 48 hours of the need's receipt. */
export const NEED_PROMISE_HOURS = 48;

/** Days a need link stays valid when the mediator does not say: one employer's, the structure's public form. */
export const NEED_LINK_DEFAULT_DAYS = { employer: 30, structure: 365 } as const;

export const NEED_CONTRACTS = ['CDI', 'CDD', 'Intérim', 'Alternance', 'Saisonnier'] as const;
export type NeedContract = (typeof NEED_CONTRACTS)[number];

/** The form's fields as the page posts them (every one a string, any may be missing). */
export interface NeedForm {
  readonly companyName?: string;
  readonly siret?: string;
  readonly jobTitle?: string;
  readonly place?: string;
  readonly hours?: string;
  readonly startOn?: string;
  readonly contractType?: string;
  readonly whatMatters?: string;
  readonly contactName?: string;
  readonly contactEmail?: string;
  readonly contactPhone?: string;
}

export type NeedField = keyof NeedForm;

/** A need as read from the form: trimmed, empty optional fields as null. */
export interface NeedFields {
  readonly companyName: string | null;
  readonly siret: string | null;
  readonly jobTitle: string;
  readonly place: string;
  readonly hours: string;
  readonly startOn: string | null;
  readonly contractType: NeedContract | null;
  readonly whatMatters: string | null;
  readonly contactName: string;
  readonly contactEmail: string | null;
  readonly contactPhone: string | null;
}

/** Why a field was refused: `reason` for the API's error body, `message` in French for the page. */
export interface NeedProblem {
  readonly field: NeedField;
  readonly reason: string;
  readonly message: string;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const PHONE = /^\+?[\d\s.()-]{10,20}$/;

/** The form's digits of a SIRET (spaces and dots dropped), or what was typed when it is not one. */
export function siretDigits(text: string): string {
  return text.replace(/[\s.]/g, '');
}

/**
 * Reads the posted form. `publicForm`: the structure's form, which also asks the employer's name
 * and SIRET (the SIRET's checksum is the caller's: it needs the offers' rule). `today` (Paris) is
 * the earliest start date.
 */
export function readNeedForm(
  form: NeedForm,
  options: { readonly publicForm: boolean; readonly today: string },
): { fields: NeedFields; problems: NeedProblem[] } {
  const problems: NeedProblem[] = [];
  const text = (field: NeedField): string => (form[field] ?? '').trim();
  const required = (field: NeedField, min: number, max: number, message: string): string => {
    const value = text(field);
    if (value.length < min) problems.push({ field, reason: 'required', message });
    else if (value.length > max)
      problems.push({ field, reason: `at most ${max} characters`, message: `${max} caractères au plus.` });
    return value;
  };
  const optional = (field: NeedField, max: number): string | null => {
    const value = text(field);
    if (value.length > max)
      problems.push({ field, reason: `at most ${max} characters`, message: `${max} caractères au plus.` });
    return value || null;
  };

  let companyName: string | null = null;
  let siret: string | null = null;
  if (options.publicForm) {
    companyName = required('companyName', 2, 200, 'Indiquez le nom de votre entreprise.');
    siret = siretDigits(text('siret'));
    if (!/^\d{14}$/.test(siret)) {
      problems.push({
        field: 'siret',
        reason: 'must be 14 digits',
        message: 'Le numéro SIRET compte 14 chiffres (il figure sur vos factures et fiches de paie).',
      });
    }
  }
  const jobTitle = required('jobTitle', 2, 200, 'Indiquez le poste à pourvoir.');
  const place = required('place', 2, 300, 'Indiquez le lieu de travail.');
  const hours = required('hours', 2, 500, 'Indiquez les horaires.');
  let startOn = optional('startOn', 10);
  if (startOn && !/^\d{4}-\d{2}-\d{2}$/.test(startOn)) {
    problems.push({ field: 'startOn', reason: 'must be a date YYYY-MM-DD', message: 'Cette date n’est pas lisible.' });
    startOn = null;
  } else if (startOn && startOn < options.today) {
    problems.push({
      field: 'startOn',
      reason: `not before ${options.today}`,
      message: 'La date de début ne peut pas être passée.',
    });
  }
  const contract = optional('contractType', 40);
  const contractType = contract && (NEED_CONTRACTS as readonly string[]).includes(contract) ? contract : null;
  if (contract && !contractType)
    problems.push({
      field: 'contractType',
      reason: `one of ${NEED_CONTRACTS.join(', ')}`,
      message: 'Choisissez un type de contrat dans la liste.',
    });
  const whatMatters = optional('whatMatters', 2000);
  const contactName = required('contactName', 2, 200, 'Indiquez votre nom.');
  const contactEmail = optional('contactEmail', 200);
  if (contactEmail && !EMAIL.test(contactEmail))
    problems.push({
      field: 'contactEmail',
      reason: 'not an e-mail address',
      message: 'Cette adresse e-mail n’est pas valable.',
    });
  const contactPhone = optional('contactPhone', 20);
  if (contactPhone && !PHONE.test(contactPhone))
    problems.push({
      field: 'contactPhone',
      reason: 'not a phone number',
      message: 'Ce numéro de téléphone n’est pas valable (10 chiffres).',
    });
  if (!contactEmail && !contactPhone)
    problems.push({
      field: 'contactEmail',
      reason: 'an e-mail or a phone number is required',
      message: 'Indiquez une adresse e-mail ou un numéro de téléphone pour vous joindre.',
    });
  return {
    fields: {
      companyName,
      siret,
      jobTitle,
      place,
      hours,
      startOn,
      contractType: contractType as NeedContract | null,
      whatMatters,
      contactName,
      contactEmail,
      contactPhone,
    },
    problems,
  };
}

/**
 * Where a need stands against the 48-hour promise: due 48 hours after its receipt; the clock stops
 * when the first candidate's card is sent for the job; late when that happened (or has not yet by
 * `now`) after the due time.
 */
export function needClock(
  receivedAt: Date,
  firstCandidateAt: Date | null,
  now: Date,
): { dueAt: Date; overdue: boolean } {
  const dueAt = new Date(receivedAt.getTime() + NEED_PROMISE_HOURS * 3_600_000);
  return { dueAt, overdue: (firstCandidateAt ?? now).getTime() > dueAt.getTime() };
}

export function needLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/besoins/${token}`;
}

/** What the mediator's notification says: the employer, the job and the promise. */
export function needReceivedMessage(employerName: string, jobTitle: string): string {
  return `${employerName} a déposé un besoin : ${jobTitle}. Des candidat·es sont attendu·es sous 48 heures.`;
}

/** The draft job analysis the need becomes: the employer's words where the analysis keeps them. */
export function draftAnalysisOf(need: NeedFields): { title: string; schedule: string; conditions: string } {
  return {
    title: need.jobTitle,
    schedule: need.hours,
    conditions: [
      `Lieu : ${need.place}`,
      need.startOn ? `Début souhaité : ${need.startOn.split('-').reverse().join('/')}` : null,
      need.contractType ? `Contrat souhaité : ${need.contractType}` : null,
      need.whatMatters ? `Ce qui compte pour l’employeur : ${need.whatMatters}` : null,
    ]
      .filter(Boolean)
      .join('\n'),
  };
}
