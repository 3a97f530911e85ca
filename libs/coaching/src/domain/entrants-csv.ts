import { neutraliseFormula } from '@passerelle/core';

/**
 * The list of newly oriented people as a département's orientation service exports it (CSV: name,
 * first name, birth date, address, orientation date, structure; optionally e-mail, phone and the
 * person's consent to be written to by e-mail and by SMS), read defensively: `;` or `,`
 * (whichever the header uses), UTF-8 with or without a byte order mark, French dates
 * (JJ/MM/AAAA, also JJ-MM-AAAA, JJ.MM.AAAA and AAAA-MM-JJ). A line the file cannot be read past (a
 * quote never closed) refuses the whole file; any other bad line is refused alone, with its line
 * number and why, in French (the manager reads it as is).
 */

/** At most 1 MiB and 2,000 people a file: a département's monthly list is a few hundred. */
export const ENTRANTS_MAX_BYTES = 1024 * 1024;
export const ENTRANTS_MAX_ROWS = 2000;

export const ENTRANT_FIELDS = [
  'lastName',
  'firstName',
  'birthDate',
  'address',
  'postalCode',
  'commune',
  'orientationDate',
  'structure',
  'email',
  'phone',
  'consentEmail',
  'consentSms',
] as const;
export type EntrantField = (typeof ENTRANT_FIELDS)[number];

/** The headers each field is known by (compared without case, accents, spaces or punctuation). */
const HEADERS: Record<EntrantField, readonly string[]> = {
  lastName: ['nom', 'nomdefamille', 'nomdenaissance', 'nomusage'],
  firstName: ['prenom', 'prenoms'],
  birthDate: ['datedenaissance', 'naissance', 'nele', 'datenaissance'],
  address: ['adresse', 'adressepostale'],
  postalCode: ['codepostal', 'cp'],
  commune: ['commune', 'ville', 'localite'],
  orientationDate: ['datedorientation', 'dateorientation', 'orientation', 'orienteele'],
  structure: ['structure', 'structuredaccompagnement', 'structuredorientation', 'organismereferent'],
  email: ['email', 'mail', 'courriel', 'adressemail', 'adresseelectronique'],
  phone: ['telephone', 'tel', 'portable', 'mobile', 'telephoneportable'],
  consentEmail: ['consentementemail', 'consentementmail', 'consentementcourriel', 'accordemail', 'accordcourriel'],
  consentSms: ['consentementsms', 'accordsms'],
};
const REQUIRED: readonly EntrantField[] = ['lastName', 'firstName', 'birthDate', 'orientationDate', 'structure'];
const FIELD_FR: Record<EntrantField, string> = {
  lastName: 'nom',
  firstName: 'prénom',
  birthDate: 'date de naissance',
  address: 'adresse',
  postalCode: 'code postal',
  commune: 'commune',
  orientationDate: 'date d’orientation',
  structure: 'structure',
  email: 'e-mail',
  phone: 'téléphone',
  consentEmail: 'consentement e-mail',
  consentSms: 'consentement SMS',
};
const MAX_LENGTH: Record<EntrantField, number> = {
  lastName: 100,
  firstName: 100,
  birthDate: 10,
  address: 300,
  postalCode: 5,
  commune: 100,
  orientationDate: 10,
  structure: 200,
  email: 254,
  phone: 20,
  consentEmail: 20,
  consentSms: 20,
};

/** A consent cell: « oui » or « non » (also o/n, yes/no, 1/0, x), empty: no. */
const YES = ['oui', 'o', 'yes', 'y', '1', 'x'];
const NO = ['non', 'n', 'no', '0', ''];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const PHONE = /^\+?[\d .-]{6,20}$/u;

/** A whole-file problem: nothing is read. */
export class EntrantsFileError extends Error {
  constructor(
    readonly code:
      'import.not_unicode' | 'import.malformed' | 'import.too_many_rows' | 'import.missing_columns' | 'import.empty',
    readonly field: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface CsvRecord {
  /** The line (1 = the header) the record starts on. */
  readonly line: number;
  readonly cells: string[];
  /** Why the record cannot be read (a stray quote), in French; else null. */
  readonly broken: string | null;
}

/** Text from bytes: UTF-8 only (a byte order mark dropped), no NUL byte. */
export function decodeEntrantsFile(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new EntrantsFileError(
      'import.not_unicode',
      'file',
      'le fichier n’est pas en UTF-8 : enregistrez-le au format « CSV UTF-8 »',
    );
  }
  if (text.includes('\u0000'))
    throw new EntrantsFileError(
      'import.not_unicode',
      'file',
      'le fichier contient des données binaires : ce n’est pas un CSV',
    );
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** The separator of the header line: `;` or `,`, whichever it holds more of outside quotes. */
function separatorOf(text: string): ';' | ',' {
  let quoted = false;
  let semicolons = 0;
  let commas = 0;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

/**
 * RFC 4180 records with their line numbers. A quote inside an unquoted cell, or anything but a
 * separator or a line end after a closing quote, breaks its record (refused alone: reading resumes
 * at the next line); a quote never closed breaks the file. Blank lines are skipped. More than
 * `maxRows` records after the header refuses the file without reading on.
 */
export function parseCsv(text: string, maxRows: number): { separator: ';' | ','; records: CsvRecord[] } {
  const separator = separatorOf(text);
  const records: CsvRecord[] = [];
  let line = 1;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const start = line;
    const cells: string[] = [];
    let broken: string | null = null;
    let cell = '';
    let atRecordEnd = false;
    let cellStart = true;
    while (index < length && !atRecordEnd) {
      const char = text[index];
      if (cellStart && char === '"') {
        // A quoted cell: up to the closing quote ("" is a quote).
        index++;
        let closed = false;
        while (index < length) {
          const inner = text[index];
          if (inner === '"') {
            if (text[index + 1] === '"') {
              cell += '"';
              index += 2;
              continue;
            }
            closed = true;
            index++;
            break;
          }
          if (inner === '\n') line++;
          cell += inner;
          index++;
        }
        if (!closed)
          throw new EntrantsFileError(
            'import.malformed',
            'file',
            `ligne ${start} : guillemet ouvert jamais fermé, le fichier ne peut pas être lu au-delà`,
          );
        const next = text[index];
        if (next !== undefined && next !== separator && next !== '\n' && next !== '\r') {
          broken = 'texte après un guillemet fermant';
          // Resume at the next line.
          while (index < length && text[index] !== '\n') index++;
        }
        cellStart = false;
        continue;
      }
      if (char === separator) {
        cells.push(cell);
        cell = '';
        cellStart = true;
        index++;
        continue;
      }
      if (char === '\r' || char === '\n') {
        if (char === '\r' && text[index + 1] === '\n') index++;
        index++;
        line++;
        atRecordEnd = true;
        continue;
      }
      if (char === '"' && broken === null) broken = 'guillemet au milieu d’une cellule non entourée de guillemets';
      cell += char;
      cellStart = false;
      index++;
    }
    cells.push(cell);
    if (cells.length === 1 && cells[0].trim() === '' && broken === null) continue;
    records.push({ line: start, cells, broken });
    if (records.length > maxRows + 1)
      throw new EntrantsFileError(
        'import.too_many_rows',
        'file',
        `plus de ${maxRows} lignes : découpez le fichier (${maxRows} personnes au plus par import)`,
      );
  }
  return { separator, records };
}

const normalise = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Which column holds each field, from the header; the required ones must be there, and an address or a commune. */
export function columnsOf(header: readonly string[]): Partial<Record<EntrantField, number>> {
  const columns: Partial<Record<EntrantField, number>> = {};
  header.forEach((title, index) => {
    const key = normalise(title);
    const field = ENTRANT_FIELDS.find((candidate) => HEADERS[candidate].includes(key));
    if (field && columns[field] === undefined) columns[field] = index;
  });
  const missing = REQUIRED.filter((field) => columns[field] === undefined).map((field) => FIELD_FR[field]);
  if (columns.address === undefined && columns.commune === undefined) missing.push('adresse (ou commune)');
  if (missing.length > 0)
    throw new EntrantsFileError(
      'import.missing_columns',
      'file',
      `colonnes manquantes dans l’en-tête : ${missing.join(', ')}`,
    );
  return columns;
}

/** A French or ISO date as `YYYY-MM-DD`, or null when it is not a real date. */
export function frenchDate(text: string): string | null {
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = french
    ? [Number(french[3]), Number(french[2]), Number(french[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  if (year === 0) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export interface LineProblem {
  readonly field: EntrantField | 'line';
  /** In French: shown to the manager as is. */
  readonly reason: string;
}

/** One person of the file, read but not yet checked against the referential or existing files. */
export interface EntrantDraft {
  readonly line: number;
  readonly lastName: string;
  readonly firstName: string;
  readonly birthDate: string;
  readonly address: string | null;
  /** What locates the commune: the postal code and commune columns, else the address's end (`59000 Lille`). */
  readonly place: string | null;
  readonly orientationDate: string;
  readonly structure: string;
  readonly email: string | null;
  readonly phone: string | null;
  /** The person agreed to receive invitations and reminders by e-mail, by SMS (the file's consent columns). */
  readonly consentEmail: boolean;
  readonly consentSms: boolean;
}

/** A control character (a tab aside) has no business in a name, an address or a date. */
const CONTROL = /\p{Cc}/u;
const hasControl = (text: string): boolean => CONTROL.test(text.replaceAll('\t', ''));

/**
 * One record as a person, or its problems: a formula-looking cell (`=`, `+`, `-`, `@` first: a
 * spreadsheet would run it when the list is exported again), control characters, over-long cells,
 * required cells empty, dates that are not dates.
 */
export function entrantOf(
  record: CsvRecord,
  columns: Partial<Record<EntrantField, number>>,
): { draft: EntrantDraft } | { problems: LineProblem[] } {
  if (record.broken) return { problems: [{ field: 'line', reason: record.broken }] };
  const problems: LineProblem[] = [];
  const value = (field: EntrantField): string => {
    const index = columns[field];
    return index === undefined ? '' : (record.cells[index] ?? '').trim();
  };
  for (const field of ENTRANT_FIELDS) {
    const text = value(field);
    if (text === '') continue;
    // A phone number may start with + (+33…): not a formula when it is a phone number.
    if (neutraliseFormula(text) !== text && !(field === 'phone' && PHONE.test(text)))
      problems.push({ field, reason: `${FIELD_FR[field]} : commence comme une formule de tableur (=, +, - ou @)` });
    else if (hasControl(text)) problems.push({ field, reason: `${FIELD_FR[field]} : caractères de contrôle` });
    else if (text.length > MAX_LENGTH[field])
      problems.push({ field, reason: `${FIELD_FR[field]} : ${MAX_LENGTH[field]} caractères au plus` });
  }
  for (const field of REQUIRED)
    if (value(field) === '') problems.push({ field, reason: `${FIELD_FR[field]} manquant(e)` });
  const dates: Partial<Record<'birthDate' | 'orientationDate', string>> = {};
  for (const field of ['birthDate', 'orientationDate'] as const) {
    const text = value(field);
    if (text === '' || problems.some((problem) => problem.field === field)) continue;
    const date = frenchDate(text);
    if (date) dates[field] = date;
    else problems.push({ field, reason: `${FIELD_FR[field]} illisible : « ${text} » (attendu JJ/MM/AAAA)` });
  }
  if (value('email') !== '' && !problems.some((problem) => problem.field === 'email') && !EMAIL.test(value('email')))
    problems.push({ field: 'email', reason: `e-mail illisible : « ${value('email')} »` });
  if (value('phone') !== '' && !problems.some((problem) => problem.field === 'phone') && !PHONE.test(value('phone')))
    problems.push({ field: 'phone', reason: `téléphone illisible : « ${value('phone')} »` });
  const consents: Partial<Record<'consentEmail' | 'consentSms', boolean>> = {};
  for (const field of ['consentEmail', 'consentSms'] as const) {
    const text = value(field).toLowerCase();
    if (YES.includes(text)) consents[field] = true;
    else if (NO.includes(text)) consents[field] = false;
    else if (!problems.some((problem) => problem.field === field))
      problems.push({ field, reason: `${FIELD_FR[field]} : « oui » ou « non » attendu, pas « ${value(field)} »` });
  }
  if (problems.length > 0) return { problems };
  const address = value('address') || null;
  const fromColumns = [value('postalCode'), value('commune')].filter(Boolean).join(' ');
  const fromAddress = address ? (/\b(\d{5}\s+\D.*)$/u.exec(address)?.[1] ?? null) : null;
  return {
    draft: {
      line: record.line,
      lastName: value('lastName'),
      firstName: value('firstName'),
      birthDate: dates.birthDate!,
      address,
      place: fromColumns || fromAddress,
      orientationDate: dates.orientationDate!,
      structure: value('structure'),
      email: value('email') || null,
      phone: value('phone') || null,
      consentEmail: consents.consentEmail ?? false,
      consentSms: consents.consentSms ?? false,
    },
  };
}

/** Names compared as people write them: no case, accents, or difference between spaces, hyphens and apostrophes. */
export function nameKey(lastName: string, firstName: string, birthDate: string): string {
  return `${normalise(lastName)}|${normalise(firstName)}|${birthDate}`;
}

/** A structure's name as the file may spell it. */
export function structureKey(name: string): string {
  return normalise(name);
}
