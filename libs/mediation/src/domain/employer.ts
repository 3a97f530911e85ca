/** An employer's headcount, as the mediators record it. */
export const EMPLOYER_SIZE_BANDS = ['0', '1-9', '10-49', '50-249', '250+'] as const;
export type EmployerSizeBand = (typeof EMPLOYER_SIZE_BANDS)[number];

/** What an employer answers on the card's page. */
export const EMPLOYER_ANSWERS = ['interested', 'not_now', 'question'] as const;
export type EmployerAnswer = (typeof EMPLOYER_ANSWERS)[number];

/** How the mediator met the employer; `reminder`: a follow-up Passerelle recorded itself (a shortlist left unanswered). */
export const INTERACTION_KINDS = ['visit', 'call', 'email', 'event', 'reminder'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** The source of the offers mediation captures (a job analysis published: an *offre captée*). */
export const MEDIATION_SOURCE = 'mediation';
