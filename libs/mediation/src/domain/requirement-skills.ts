import { foldText } from '@passerelle/referential';

/** A ROME skill a requirement may be worded as. */
export interface RomeSkill {
  readonly code: string;
  readonly label: string;
}

/** Words that say nothing of the skill itself. */
const STOP_WORDS = new Set([
  'avec',
  'dans',
  'des',
  'les',
  'pour',
  'sans',
  'sous',
  'sur',
  'une',
  'aux',
  'etre',
  'avoir',
  'bien',
  'tres',
  'bonne',
  'bon',
]);

/** The words of a text as stems (folded, their first six letters), without the empty ones. */
function stems(text: string): Set<string> {
  return new Set(
    foldText(text)
      .split(' ')
      .filter((word) => word.length >= 3 && !STOP_WORDS.has(word))
      .map((word) => word.slice(0, 6)),
  );
}

/**
 * The skills a job analysis's lines (its real requirements, its tools) give the captured offer:
 * each line becomes the ROME skill it names (same wording, or most of its words among the
 * occupation's skills: "autolaveuse" → "Utilisation d'autolaveuses"), so the matcher counts it;
 * a line the referential does not word is kept as written (the offer still shows it). In order,
 * each once.
 */
export function requirementSkills(
  lines: readonly string[],
  occupationSkills: readonly RomeSkill[],
  sameWording: (line: string) => RomeSkill | null,
): string[] {
  const candidates = occupationSkills.map((skill) => ({ skill, stems: stems(skill.label) }));
  const skills: string[] = [];
  for (const line of lines) {
    const text = line.trim();
    if (!text) continue;
    const folded = foldText(text);
    const exact = occupationSkills.find((skill) => foldText(skill.label) === folded) ?? sameWording(text) ?? null;
    let best: { skill: RomeSkill; share: number } | null = null;
    if (!exact) {
      const wanted = stems(text);
      for (const candidate of candidates) {
        if (wanted.size === 0 || candidate.stems.size === 0) continue;
        const common = [...wanted].filter((stem) => candidate.stems.has(stem)).length;
        const share = common / wanted.size;
        // Most of the line's words, and a fair part of the skill's (not one word of a long sentence).
        if (share < 0.6 || common / candidate.stems.size < 0.25) continue;
        if (
          !best ||
          share > best.share ||
          (share === best.share && candidate.skill.label.length < best.skill.label.length)
        )
          best = { skill: candidate.skill, share };
      }
    }
    const label = exact?.label ?? best?.skill.label ?? text;
    if (!skills.includes(label)) skills.push(label);
  }
  return skills;
}
