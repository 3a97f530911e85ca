import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { readBundledReferential, ReferentialSnapshot } from '@passerelle/referential';
import { writeResults } from '../bench/bench-env.js';

/**
 * `npm run eval:occupations`: the occupation read from each real offer of the development set
 * (../shared/data/francetravail-dev, kept outside the repository) with France Travail's ROME code,
 * job title and skills hidden, compared with France Travail's code. Two readers: the title alone
 * (what ingestion did before) and the title with the description (OccupationClassifier). Reports
 * the share with the same ROME code, the same domain (letter + 2 digits, `M18`), the same letter,
 * and none found, overall, per ROME letter, on the offers of département 74 (the most
 * representative file of the set), and on the two halves of the set split by a hash of the offer
 * id: the classifier's weights were tuned on the `tune` half only, `held-out` is the honest figure.
 * No database: the bundled referential files are read into memory. Writes
 * bench-results/occupations.json.
 */
const DEV_SET = path.join(process.cwd(), '..', 'shared', 'data', 'francetravail-dev', 'offers.jsonl.gz');

interface DevOffer {
  readonly id: string;
  readonly intitule?: string;
  readonly description?: string;
  readonly romeCode?: string;
  readonly lieuTravail?: { readonly libelle?: string };
  readonly dateCreation?: string;
  readonly competences?: ReadonlyArray<{ readonly code?: string; readonly libelle?: string }>;
}

interface Tally {
  offers: number;
  sameCode: number;
  sameDomain: number;
  sameLetter: number;
  none: number;
}

const emptyTally = (): Tally => ({ offers: 0, sameCode: 0, sameDomain: 0, sameLetter: 0, none: 0 });

function count(tally: Tally, expected: string, found: string | null): void {
  tally.offers += 1;
  if (found === null) tally.none += 1;
  else {
    if (found === expected) tally.sameCode += 1;
    if (found.slice(0, 3) === expected.slice(0, 3)) tally.sameDomain += 1;
    if (found[0] === expected[0]) tally.sameLetter += 1;
  }
}

const pct = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10);

function shares(tally: Tally): Record<string, number> {
  return {
    offers: tally.offers,
    sameCodePct: pct(tally.sameCode, tally.offers),
    sameDomainPct: pct(tally.sameDomain, tally.offers),
    sameLetterPct: pct(tally.sameLetter, tally.offers),
    nonePct: pct(tally.none, tally.offers),
  };
}

/** Half of the set, fixed by the offer id: `tune` (weights were chosen on it) or `held-out`. */
function splitOf(id: string): 'tune' | 'held-out' {
  return createHash('sha256').update(id).digest()[0] % 2 === 0 ? 'tune' : 'held-out';
}

async function main(): Promise<void> {
  if (!existsSync(DEV_SET)) {
    process.stderr.write(`eval:occupations: skipped, the development set is not at ${DEV_SET}\n`);
    return;
  }
  const referential = new ReferentialSnapshot((await readBundledReferential()).rows);
  const readers = {
    titleOnly: (offer: DevOffer) => referential.inferOccupation(offer.intitule ?? '')?.codeRome ?? null,
    titleAndText: (offer: DevOffer) =>
      referential.classifyOccupation(offer.intitule ?? '', offer.description ?? null)?.codeRome ?? null,
  };
  type Reader = keyof typeof readers;
  const groups = new Map<string, Record<Reader, Tally>>();
  const tallies = (group: string): Record<Reader, Tally> => {
    let found = groups.get(group);
    if (!found) {
      found = { titleOnly: emptyTally(), titleAndText: emptyTally() };
      groups.set(group, found);
    }
    return found;
  };
  let unknownCode = 0;
  const skills = { offers: 0, listed: 0, extracted: 0, matched: 0, plausible: 0 };
  const misses: Array<{ title: string; expected: string; found: string | null }> = [];
  const lines = readline.createInterface({ input: createReadStream(DEV_SET).pipe(createGunzip()) });
  for await (const line of lines) {
    const offer = JSON.parse(line) as DevOffer;
    const expected = offer.romeCode?.trim().toUpperCase();
    if (!expected || !offer.intitule) continue;
    // Codes of an older ROME that version 4 dropped cannot be found by any reader.
    if (!referential.isKnownRomeCode(expected)) {
      unknownCode += 1;
      continue;
    }
    const listed = new Set(
      (offer.competences ?? [])
        .map((skill) => skill.code)
        .filter((code): code is string => !!code && !!referential.skill(code)),
    );
    if (listed.size > 0 && offer.description) {
      // The occupation as read without France Travail's code, as for an offer from any board.
      const read = referential.classifyOccupation(offer.intitule, offer.description)?.codeRome ?? null;
      const extracted = referential.extractSkills(offer.description, read, 12);
      const ofOccupation = new Set(referential.skillsOfOccupation(expected).map((skill) => skill.code));
      skills.offers += 1;
      skills.listed += listed.size;
      skills.extracted += extracted.length;
      skills.matched += extracted.filter((code) => listed.has(code)).length;
      skills.plausible += extracted.filter((code) => listed.has(code) || ofOccupation.has(code)).length;
    }
    const found = {
      titleOnly: readers.titleOnly(offer),
      titleAndText: readers.titleAndText(offer),
    };
    const keys = ['all', `letter ${expected[0]}`, splitOf(offer.id)];
    if (/^74\b/.test(offer.lieuTravail?.libelle ?? '')) keys.push('département 74');
    // France Travail moved to ROME 4.0 in 2024: older offers carry version 3 codes, which 4.0 kept
    // for a narrower occupation (M1801 was every IT systems job, M1403 every data analyst).
    const year = offer.dateCreation?.slice(0, 4);
    if (year) keys.push(`created ${year}`);
    for (const key of keys) {
      const group = tallies(key);
      for (const reader of Object.keys(readers) as Reader[]) count(group[reader], expected, found[reader]);
    }
    if (found.titleAndText !== expected && process.env.EVAL_MISSES)
      misses.push({ title: offer.intitule, expected, found: found.titleAndText });
  }

  const order = (key: string): string => (key === 'all' ? '0' : key.startsWith('letter') ? `2${key}` : `1${key}`);
  const report = [...groups.entries()]
    .sort((a, b) => order(a[0]).localeCompare(order(b[0])))
    .map(([group, byReader]) => ({
      group,
      titleOnly: shares(byReader.titleOnly),
      titleAndText: shares(byReader.titleAndText),
    }));
  const file = await writeResults('occupations', {
    measuredAt: new Date().toISOString(),
    note: 'same domain = same first three characters of the ROME code (letter + 2 digits)',
    offersWithUnknownCode: unknownCode,
    skillsFromText: {
      ...skills,
      recallPct: pct(skills.matched, skills.listed),
      precisionPct: pct(skills.matched, skills.extracted),
      plausiblePrecisionPct: pct(skills.plausible, skills.extracted),
    },
    report,
    misses: process.env.EVAL_MISSES ? misses : undefined,
  });
  const row = (label: string, s: Record<string, number>): string =>
    `    ${label.padEnd(14)} code ${String(s.sameCodePct).padStart(5)} %  domain ${String(s.sameDomainPct).padStart(5)} %  letter ${String(s.sameLetterPct).padStart(5)} %  none ${String(s.nonePct).padStart(5)} %`;
  const out = [
    '',
    `occupation read from real offers (ROME codes hidden), ${unknownCode} offers with a pre-v4 code left out`,
  ];
  for (const { group, titleOnly, titleAndText } of report) {
    out.push(`  ${group} (${titleOnly.offers} offers)`);
    out.push(row('title only', titleOnly), row('title + text', titleAndText));
  }
  out.push(
    `skills read from the description, on the ${skills.offers} offers whose France Travail skill list has ROME codes:`,
    `    recall ${pct(skills.matched, skills.listed)} % of the ${skills.listed} listed skills; precision ${pct(skills.matched, skills.extracted)} % against the list alone, ${pct(skills.plausible, skills.extracted)} % against the list or the occupation's ROME skills (${skills.extracted} extracted)`,
  );
  out.push(`results: ${file}`, '');
  process.stdout.write(out.join('\n'));
}

main().catch((error: unknown) => {
  process.stderr.write(`eval failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
