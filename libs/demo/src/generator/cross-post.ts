import type { DemoOffer, DemoOfferRef } from './demo-offer.js';
import { contractLabel, experienceLabel, licenceLabel, salaryText, workingTimeLabel } from './offer-wording.js';
import { DAY_MS } from './paris-time.js';
import { hash32, Rng } from './prng.js';

/**
 * Cross-platform duplicates: an employer posts the same job on two platforms, typing it twice or
 * letting a partner feed carry it. The copy keeps the facts (employer, SIRET, commune, occupation,
 * contract, hours, salary amounts, skills, dates within two days) and changes what people and feeds
 * change: title punctuation and case, description layout and a sentence here and there, and every
 * label in the wording of the new platform. See README "Cross-platform duplicates".
 */

function copyRng(copy: DemoOfferRef): Rng {
  return new Rng(hash32('copy', copy.platform, copy.id));
}

/** When the copy appeared: 0 to 2 days after the original, never after the reference date. */
export function copyPublishedMs(originalPublishedMs: number, copy: DemoOfferRef, referenceMs: number): number {
  const delay = Math.floor((copyRng(copy).next() * 2 * DAY_MS) / 60_000) * 60_000;
  return Math.max(originalPublishedMs, Math.min(originalPublishedMs + delay, referenceMs));
}

const GENDER_MARK = /\s*(?:\(H\/F\)|\(F\/H\)|-\s*H\/F|H\/F|F\/H)\s*$/;

function retitle(title: string, communeName: string, rng: Rng): string {
  const base = title.replace(GENDER_MARK, '').trim();
  const hadMark = base !== title.trim();
  const mark = rng.pick(hadMark ? ['', ' (F/H)', ' - H/F', ' (H/F)', ' H/F'] : [' (H/F)', ' H/F', ' F/H']);
  let result = `${base}${mark}`;
  if (result === title) result = `${base} F/H`;
  if (rng.chance(0.3)) result = `${result} - ${communeName}`;
  if (rng.chance(0.35)) result = result.toUpperCase();
  return result;
}

function rewrite(description: string, rng: Rng): string {
  let text = description;
  const kinds = ['trim', 'inline-list', 'bullets', 'reflow', 'append'] as const;
  // Applied in a fixed order: "append" then "trim" would otherwise cancel out.
  const chosen = new Set(rng.sample(kinds, rng.int(1, 2)));
  for (const edit of kinds.filter((kind) => chosen.has(kind))) {
    switch (edit) {
      case 'bullets':
        text = text.replace(/^- /gm, '• ');
        break;
      case 'inline-list':
        // "Vos missions :\n- a\n- b" → "Vos missions : a, b."
        text = text.replace(/([^\n]*:)((?:\n(?:- |• )[^\n]+)+)/g, (_whole, heading: string, items: string) => {
          const list = items
            .split('\n')
            .filter((line) => line.length > 0)
            .map((line) => line.replace(/^(?:- |• )/, ''))
            .map((line) => line.charAt(0).toLowerCase() + line.slice(1));
          return `${heading} ${list.join(', ')}.`;
        });
        break;
      case 'reflow':
        text = text.replace(/\n\n/g, '\n');
        break;
      case 'trim': {
        const paragraphs = text.split('\n\n');
        text =
          paragraphs.length > 4 ? paragraphs.slice(0, -1).join('\n\n') : `${text} Candidatures rapides appréciées.`;
        break;
      }
      case 'append':
        text = `${text}\n\n${rng.pick(['Poste à pourvoir rapidement !', 'Envoyez-nous votre candidature.', 'Entretien possible cette semaine.'])}`;
        break;
    }
  }
  return text === description ? `${text}\n\nPoste à pourvoir rapidement !` : text;
}

/**
 * The version of `original` that `copy.platform` publishes under `copy.id`. Deterministic: the same
 * original and copy reference always give the same copy.
 */
export function crossPostedCopy(original: DemoOffer, copy: DemoOfferRef, referenceDate: Date): DemoOffer {
  if (copy.platform === original.platform) throw new Error('crossPostedCopy: a copy goes to another platform');
  const rng = copyRng(copy);
  rng.next(); // the publication delay, see copyPublishedMs
  const referenceMs = referenceDate.getTime();
  const publishedMs = copyPublishedMs(Date.parse(original.publishedAt), copy, referenceMs);
  const updatedMs = Math.max(publishedMs, Date.parse(original.updatedAt));
  const { contract, workingTime, salary, drivingLicence, experience } = original;
  const platform = copy.platform;
  return {
    ...original,
    id: copy.id,
    platform,
    title: retitle(original.title, original.commune.name, rng),
    description: rewrite(original.description, rng),
    contract: { ...contract, label: contractLabel(platform, contract) },
    workingTime: {
      ...workingTime,
      label: workingTimeLabel(platform, workingTime.fullTime, workingTime.weeklyHours, workingTime.schedule),
    },
    ...(salary ? { salary: { ...salary, text: salaryText(platform, salary, rng) } } : {}),
    ...(drivingLicence
      ? {
          drivingLicence: {
            ...drivingLicence,
            label: licenceLabel(platform, drivingLicence.category, drivingLicence.required),
          },
        }
      : {}),
    experience: { ...experience, label: experienceLabel(platform, experience.requirement, experience.months) },
    publishedAt: new Date(publishedMs).toISOString(),
    updatedAt: new Date(updatedMs).toISOString(),
    alsoOn: [{ platform: original.platform, id: original.id }],
    duplicateOf: { platform: original.platform, id: original.id },
  };
}
