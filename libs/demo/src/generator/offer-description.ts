import type { DemoJob, DemoQuality } from './demo-job.js';
import type {
  DemoCommune,
  DemoContract,
  DemoExperience,
  DemoLicence,
  DemoSalary,
  DemoSkill,
  DemoWorkingTime,
} from './demo-offer.js';
import type { DemoSectorProfile } from './employers.data.js';
import { deCommune, QUALITY_PHRASES, fillCommune } from './employers.data.js';
import { frenchHours } from './offer-wording.js';
import type { Rng } from './prng.js';

export type EmployerKind = 'company' | 'agency' | 'public' | 'private';

export interface DescriptionFacts {
  readonly job: DemoJob;
  readonly employerName: string;
  readonly employerKind: EmployerKind;
  /** The sector of the job (for an agency: its client's sector). */
  readonly sector: DemoSectorProfile;
  readonly agency?: DemoSectorProfile;
  readonly commune: DemoCommune;
  readonly contract: DemoContract;
  readonly workingTime: DemoWorkingTime;
  readonly salary?: DemoSalary;
  readonly licence?: DemoLicence;
  readonly experience: DemoExperience;
  readonly skills: readonly DemoSkill[];
  readonly qualities: readonly DemoQuality[];
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "d’un an", "de 2 ans", "de 6 mois": the complement of "une expérience". */
function experienceLength(months: number): string {
  if (months === 12) return 'd’un an';
  return months % 12 === 0 ? `de ${months / 12} ans` : `de ${months} mois`;
}

function intro(facts: DescriptionFacts, rng: Rng): string {
  const { job, employerName, commune } = facts;
  const workplace = fillCommune(facts.sector.workplace, commune.name);
  switch (facts.employerKind) {
    case 'private':
      return rng.pick([
        `Particulier employeur recherche ${job.noun} à ${commune.name}.`,
        `Famille ${deCommune(commune.name)} recherche ${job.noun}.`,
      ]);
    case 'public':
      return `${employerName} recrute ${job.noun} pour ${workplace}.`;
    case 'agency':
      return (
        `${employerName}, ${facts.agency?.blurb ?? 'une agence d’emploi'}, recherche pour l’un de ses clients, ` +
        `${facts.sector.blurb}, ${job.noun} sur le secteur ${deCommune(commune.name)}.`
      );
    case 'company':
      return rng.pick([
        `${employerName}, ${facts.sector.blurb}, recrute ${job.noun} pour ${workplace}.`,
        `Rejoignez ${employerName}, ${facts.sector.blurb} : nous recherchons ${job.noun} pour ${workplace}.`,
        `Dans le cadre de son développement, ${employerName} recherche ${job.noun} pour ${workplace}.`,
      ]);
  }
}

function missions(job: DemoJob, rng: Rng): string {
  const count = rng.int(Math.min(3, job.tasks.length), job.tasks.length);
  const chosen = new Set(rng.sample(job.tasks, count));
  const lines = job.tasks.filter((task) => chosen.has(task)).map((task) => `- ${task}`);
  return [
    rng.pick(['Vos missions :', 'Vos principales missions :', 'Au quotidien, vous serez chargé(e) de :']),
    ...lines,
  ].join('\n');
}

function profile(facts: DescriptionFacts, rng: Rng): string {
  const sentences = facts.qualities.map((quality) => QUALITY_PHRASES[quality.code]).filter((s) => s !== undefined);
  const { requirement, months } = facts.experience;
  if (requirement === 'D') {
    sentences.push(
      rng.pick([
        'Débutants acceptés : une formation est assurée à la prise de poste.',
        'Aucune expérience n’est exigée, seule la motivation compte.',
      ]),
    );
  } else if (requirement === 'S') {
    sentences.push(`Une première expérience ${experienceLength(months)} est souhaitée.`);
  } else {
    sentences.push(`Une expérience ${experienceLength(months)} minimum sur un poste similaire est exigée.`);
  }
  for (const requirementText of facts.job.requirements) sentences.push(`${requirementText}.`);
  if (facts.licence) {
    sentences.push(
      facts.licence.required
        ? `Le permis ${facts.licence.category} est indispensable.`
        : `Le permis ${facts.licence.category} serait un plus.`,
    );
  }
  return `Profil recherché : ${sentences.join(' ')}`;
}

function conditions(facts: DescriptionFacts, rng: Rng): string {
  const { contract, workingTime, salary } = facts;
  const months = contract.durationMonths;
  let contractSentence: string;
  if (contract.apprenticeship) {
    contractSentence = `Contrat d’apprentissage de ${months ?? 24} mois en alternance avec un centre de formation`;
  } else if (contract.type === 'CDI') {
    contractSentence = 'Poste en CDI';
  } else if (contract.type === 'CDD') {
    contractSentence = months === undefined ? 'Poste en CDD' : `Poste en CDD de ${months} mois`;
  } else if (contract.type === 'MIS') {
    contractSentence =
      months === undefined ? 'Mission d’intérim renouvelable' : `Mission d’intérim de ${months} mois, renouvelable`;
  } else {
    contractSentence = months === undefined ? 'Contrat saisonnier' : `Contrat saisonnier de ${months} mois`;
  }
  const hours = frenchHours(workingTime.weeklyHours);
  const time = workingTime.fullTime
    ? `à temps plein (${hours} h hebdomadaires)`
    : `à temps partiel (${hours} h par semaine)`;
  const sentences = [`${contractSentence}, ${time}.`, `Horaires : ${lowerFirst(workingTime.schedule)}.`];
  if (salary && salary.period !== 'none' && rng.chance(0.4)) sentences.push(`Rémunération : ${salary.text}.`);
  if (rng.chance(0.5)) {
    sentences.push(
      rng.pick([
        'Mutuelle d’entreprise et tickets restaurant.',
        'Prime de panier et indemnités de transport.',
        'Tenue de travail fournie.',
        'Prise en charge de 50 % de l’abonnement de transport.',
      ]),
    );
  }
  sentences.push(
    rng.pick(['Poste à pourvoir dès que possible.', 'Prise de poste rapide.', 'Démarrage sous 15 jours.']),
  );
  return sentences.join(' ');
}

/**
 * The offer text: an introduction, a bulleted list of tasks, sometimes the ROME skills in words, the
 * profile (qualities, experience, licence), then the conditions. Paragraphs are separated by a blank
 * line; list items start with "- ".
 */
export function composeDescription(facts: DescriptionFacts, rng: Rng): string {
  const paragraphs = [intro(facts, rng), missions(facts.job, rng)];
  if (facts.skills.length > 0 && rng.chance(0.5)) {
    const skills = facts.skills.slice(0, 3).map((skill) => lowerFirst(skill.label));
    paragraphs.push(`Vous mobiliserez notamment les compétences suivantes : ${skills.join(' ; ')}.`);
  }
  paragraphs.push(profile(facts, rng), conditions(facts, rng));
  if (rng.chance(0.3)) {
    paragraphs.push(
      rng.pick([
        'Nous recrutons sur la motivation plutôt que sur le CV.',
        'Une période d’immersion (PMSMP) est possible avant l’embauche.',
        'Poste ouvert aux personnes en reconversion ou éloignées de l’emploi : un tuteur vous accompagnera à la prise de poste.',
      ]),
    );
  }
  return paragraphs.map(upperFirst).join('\n\n');
}
