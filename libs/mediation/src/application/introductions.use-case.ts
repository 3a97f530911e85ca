import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { BeneficiaryAccess, ManageConsents, ReadBeneficiaryFile, RecordNotification } from '@passerelle/coaching';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DomainError, RuntimeSettings, Mailer, QUEUES } from '@passerelle/core';
import { type Actor, AuditLog, scopeFor, StructureTree } from '@passerelle/identity';
import { isValidSiret } from '@passerelle/offers';
import { ReferentialIndex } from '@passerelle/referential';
import { buildCard, type CandidateCard, type CardSource } from '../domain/candidate-card.js';
import {
  allowedNext,
  type IntroductionStatus,
  type TransitionInput,
  transitionProblems,
} from '../domain/introduction.js';
import { employerNameKey } from '../domain/employer-name.js';
import { recordPeopleAccess } from './record-people-access.js';

/** An employer named on the spot: matched among the structure's employers, or registered. */
export interface NamedEmployer {
  readonly name: string;
  readonly siret?: string;
  /** Where the employer is, when the offer does not say (its code or name). */
  readonly commune?: { readonly inseeCode?: string; readonly postalCode?: string; readonly name?: string };
}

interface OfferEmployerRow {
  analysis_employer_id: string | null;
  status: string;
  employer_name: string | null;
  employer_siret: string | null;
  commune_insee: string | null;
  commune_name: string | null;
}

export interface IntroductionView {
  readonly id: string;
  readonly beneficiaryId: string;
  readonly employerId: string;
  readonly employerName: string;
  readonly offerId: string | null;
  readonly offerTitle: string | null;
  readonly status: IntroductionStatus;
  /** The steps allowed from here (the state machine's, so clients need not restate it). */
  readonly next: readonly IntroductionStatus[];
  readonly interviewAt: Date | null;
  readonly interviewPlace: string | null;
  readonly trialStart: string | null;
  readonly trialEnd: string | null;
  readonly declineReason: string | null;
  readonly card: CandidateCard | null;
  readonly events: Array<{
    kind: string;
    fromStatus: string | null;
    toStatus: string | null;
    actorKind: string;
    actorUserId: string | null;
    details: Record<string, unknown>;
    at: Date;
  }>;
}

/** An introduction in a list (the board): no card, the person by first name. */
export interface IntroductionSummary {
  readonly id: string;
  readonly beneficiaryId: string;
  readonly status: IntroductionStatus;
  readonly employerName: string;
  readonly offerId: string | null;
  readonly offerTitle: string | null;
  readonly firstName: string | null;
  readonly updatedAt: Date;
  readonly interviewAt: Date | null;
  readonly lastAnswer: {
    readonly answer: string;
    readonly message: string | null;
    readonly proposedInterview: string | null;
    readonly at: Date;
  } | null;
}

interface IntroductionRow {
  id: string;
  beneficiary_id: string;
  employer_id: string;
  employer_name: string;
  offer_id: string | null;
  offer_title: string | null;
  structure_id: string;
  status: IntroductionStatus;
  interview_at: Date | null;
  interview_place: string | null;
  trial_start: string | null;
  trial_end: string | null;
  decline_reason: string | null;
  card: CandidateCard | null;
  created_by: string;
}

const SELECT = `SELECT n.*, e.name AS employer_name, o.title AS offer_title FROM introduction n
  JOIN employer e ON e.id = n.employer_id LEFT JOIN offer o ON o.id = n.offer_id`;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Introductions (mises en relation): the referent coach proposes a person for an offer or an
 * employer; the mediators of the structure move it on. Every move is checked and recorded (who,
 * when); the card leaves the service only by a signed link, and only with the person's consent.
 */
@Injectable()
export class ManageIntroductions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: RuntimeSettings,
    private readonly beneficiaries: BeneficiaryAccess,
    private readonly files: ReadBeneficiaryFile,
    private readonly consents: ManageConsents,
    private readonly tree: StructureTree,
    private readonly referential: ReferentialIndex,
    private readonly mailer: Mailer,
    @InjectQueue(QUEUES.mediation) private readonly reminders: Queue,
    private readonly audit: AuditLog,
    private readonly notifications: RecordNotification,
  ) {}

  /**
   * Proposes the person for an offer or an employer. The employer is, in order: the one picked
   * (`employerId`), the one named on the spot (`employer`), the job analysis's for a captured offer,
   * or the one the offer names (its SIRET, else its name). A named employer is looked for among the
   * employers of the person's structure and those above it (SIRET, then the name without accents,
   * case or legal form) and created in the person's structure from the offer when new.
   */
  async propose(
    actor: Actor,
    input: { beneficiaryId: string; offerId?: string; employerId?: string; employer?: NamedEmployer },
  ): Promise<IntroductionView> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.beneficiaries.open(
        actor,
        'beneficiaries.write',
        input.beneficiaryId,
        { action: 'share', details: { part: 'introduction' } },
        manager,
      );
      let employerId = input.employerId ?? null;
      let offer: OfferEmployerRow | null = null;
      if (input.offerId) {
        const rows: OfferEmployerRow[] = await manager.query(
          `SELECT (SELECT j.employer_id FROM job_analysis j WHERE j.offer_id = o.id LIMIT 1) AS analysis_employer_id,
             o.status, o.employer_name, o.employer_siret, o.commune_insee, o.commune_name
           FROM offer o WHERE o.id = $1`,
          [input.offerId],
        );
        if (rows.length === 0 || rows[0].status !== 'open')
          throw new DomainError('invalid', 'introduction.unknown_offer', 'no open offer with this id', [
            { field: 'offerId', reason: 'no open offer has this id' },
          ]);
        offer = rows[0];
      }
      const place = offer?.commune_insee ? { inseeCode: offer.commune_insee, name: offer.commune_name! } : null;
      if (!employerId && input.employer)
        employerId = await this.employerNamed(manager, actor, person.structure_id, input.employer, place, 'employer');
      employerId ??= offer?.analysis_employer_id ?? null;
      if (!employerId && offer?.employer_name?.trim())
        employerId = await this.employerNamed(
          manager,
          actor,
          person.structure_id,
          {
            name: offer.employer_name,
            // A SIRET that fails its checksum names no establishment: the name alone then decides.
            ...(offer.employer_siret && isValidSiret(offer.employer_siret) ? { siret: offer.employer_siret } : {}),
          },
          place,
          'employer',
        );
      if (!employerId)
        throw new DomainError(
          'invalid',
          'introduction.no_employer',
          'name the employer (this offer has none on file)',
          [{ field: 'employer', reason: 'the offer names no employer: pick one (employerId) or name it (employer)' }],
        );
      // The employer belongs to the person's structure or one above it (the département's platform):
      // the introduction then belongs to the employer's structure, whose mediators follow it.
      const employers: Array<{ structure_id: string }> = await manager.query(
        `WITH RECURSIVE up AS (
           SELECT id, parent_id FROM structure WHERE id = $2
           UNION SELECT s.id, s.parent_id FROM structure s JOIN up ON s.id = up.parent_id
         ) SELECT e.structure_id FROM employer e WHERE e.id = $1 AND e.structure_id IN (SELECT id FROM up)`,
        [employerId, person.structure_id],
      );
      if (employers.length === 0)
        throw new DomainError(
          'invalid',
          'introduction.unknown_employer',
          'no such employer for the person’s structure',
          [{ field: 'employerId', reason: 'not an employer of this structure or those above it' }],
        );
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO introduction (beneficiary_id, employer_id, offer_id, structure_id, status, created_by)
         VALUES ($1, $2, $3, $4, 'proposed', $5)
         ON CONFLICT (beneficiary_id, offer_id) WHERE status NOT IN ('declined', 'withdrawn') DO NOTHING RETURNING id`,
        [person.id, employerId, input.offerId ?? null, employers[0].structure_id, actor.userId],
      );
      if (inserted.length === 0)
        throw new DomainError('conflict', 'introduction.exists', 'this person is already introduced for this offer', [
          { field: 'offerId', reason: 'an introduction is under way' },
        ]);
      await this.event(manager, inserted[0].id, 'transition', null, 'proposed', actor);
      return this.view(manager, inserted[0].id);
    });
  }

  /**
   * The employer a name (and SIRET) designates among those of the structure and the ones above it,
   * nearest structure first; created in the structure when none matches (its commune: the one
   * given, else the offer's). Creating one takes the right to manage employers.
   */
  private async employerNamed(
    manager: EntityManager,
    actor: Actor,
    structureId: string,
    wanted: NamedEmployer,
    offerPlace: { inseeCode: string; name: string } | null,
    field: string,
  ): Promise<string> {
    const key = employerNameKey(wanted.name);
    if (!key)
      throw new DomainError('bad_request', 'introduction.invalid_employer', 'the employer’s name says nothing', [
        { field: `${field}.name`, reason: 'give the employer’s name' },
      ]);
    if (wanted.siret && !isValidSiret(wanted.siret))
      throw new DomainError('bad_request', 'introduction.invalid_employer', 'not a valid SIRET', [
        { field: `${field}.siret`, reason: 'not a valid SIRET (14 digits, checksum)' },
      ]);
    const known: Array<{ id: string; name: string; siret: string | null }> = await manager.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, 0 AS depth FROM structure WHERE id = $1
         UNION SELECT s.id, s.parent_id, up.depth + 1 FROM structure s JOIN up ON s.id = up.parent_id
       ) SELECT e.id, e.name, e.siret FROM employer e JOIN up ON up.id = e.structure_id
       ORDER BY up.depth, e.created_at, e.id`,
      [structureId],
    );
    const bySiret = wanted.siret ? known.find((employer) => employer.siret === wanted.siret) : undefined;
    const byName = known.find(
      (employer) =>
        employerNameKey(employer.name) === key && (!wanted.siret || !employer.siret || employer.siret === wanted.siret),
    );
    const found = bySiret ?? byName;
    if (found) return found.id;
    if (scopeFor(actor.roles, 'employers.manage') === null)
      throw new DomainError('forbidden', 'introduction.employer_unknown', 'this employer is not registered yet', [
        { field, reason: 'no employer of the structure has this name or SIRET' },
      ]);
    let commune = offerPlace;
    if (wanted.commune) {
      await this.referential.load();
      const resolved = this.referential.resolveCommune(wanted.commune);
      if (!resolved)
        throw new DomainError('bad_request', 'introduction.invalid_employer', 'no commune matches', [
          { field: `${field}.commune`, reason: 'no commune matches this code or name' },
        ]);
      commune = { inseeCode: resolved.inseeCode, name: resolved.name };
    }
    if (!commune)
      throw new DomainError('invalid', 'introduction.employer_commune_required', 'the employer’s commune is needed', [
        { field: `${field}.commune`, reason: 'the offer names no commune: give the employer’s' },
      ]);
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO employer (structure_id, siret, name, commune_insee, commune_name, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (structure_id, siret) WHERE siret IS NOT NULL DO NOTHING RETURNING id`,
      [structureId, wanted.siret ?? null, wanted.name.trim(), commune.inseeCode, commune.name, actor.userId],
    );
    if (inserted.length > 0) return inserted[0].id;
    // Registered meanwhile under the same SIRET (a concurrent request): that one.
    const existing: Array<{ id: string }> = await manager.query(
      'SELECT id FROM employer WHERE structure_id = $1 AND siret = $2',
      [structureId, wanted.siret],
    );
    return existing[0].id;
  }

  /** Opens an introduction for a staff member of its structure or the person's referent coach. */
  /**
   * The structures whose introductions a mediator (platform staff) follows: null for all, none for
   * anyone else (a coach follows only their own people's).
   */
  private async staffStructures(actor: Actor): Promise<string[] | null> {
    const staff = actor.roles.includes('platform_staff') && scopeFor(actor.roles, 'employers.manage') !== null;
    return staff ? (await this.tree.reach(actor, 'employers.manage')).structureIds : [];
  }

  private async open(manager: EntityManager, actor: Actor, id: string): Promise<IntroductionRow> {
    const rows: IntroductionRow[] = await manager.query(`${SELECT} WHERE n.id = $1 FOR UPDATE OF n`, [id]);
    const row = rows.at(0);
    if (!row) throw new DomainError('not_found', 'introduction.not_found', 'no introduction with this id');
    const structures = await this.staffStructures(actor);
    const inStructure = structures === null || structures.includes(row.structure_id);
    if (!inStructure) {
      const referent: unknown[] = await manager.query(
        'SELECT 1 FROM beneficiary WHERE id = $1 AND referent_user_id = $2 AND erased_at IS NULL',
        [row.beneficiary_id, actor.userId],
      );
      if (referent.length === 0)
        throw new DomainError('not_found', 'introduction.not_found', 'no introduction with this id');
    }
    return row;
  }

  /**
   * The introductions a user follows: for staff those of their structures, for a coach those of
   * their own people. The person is named by the card's first name only (or not at all before it).
   * Audited: one row per person listed.
   */
  async list(
    actor: Actor,
    filter: { status?: IntroductionStatus; offerId?: string } = {},
  ): Promise<IntroductionSummary[]> {
    const structures = await this.staffStructures(actor);
    const rows: Array<{
      id: string;
      beneficiary_id: string;
      status: IntroductionStatus;
      employer_name: string;
      offer_id: string | null;
      offer_title: string | null;
      first_name: string | null;
      updated_at: Date;
      last_answer: { answer: string; message: string | null; proposedInterview: string | null } | null;
      last_answer_at: Date | null;
      interview_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT n.id, n.beneficiary_id, n.status, e.name AS employer_name, n.offer_id, o.title AS offer_title,
         n.card ->> 'firstName' AS first_name, n.updated_at, n.interview_at, a.details AS last_answer, a.at AS last_answer_at
       FROM introduction n JOIN employer e ON e.id = n.employer_id LEFT JOIN offer o ON o.id = n.offer_id
       JOIN beneficiary b ON b.id = n.beneficiary_id
       LEFT JOIN LATERAL (SELECT details, at FROM introduction_event WHERE introduction_id = n.id AND kind = 'answered'
         ORDER BY at DESC LIMIT 1) a ON true
       WHERE b.erased_at IS NULL AND ($1::uuid[] IS NULL OR n.structure_id = ANY($1::uuid[]) OR b.referent_user_id = $2)
         AND ($3::text IS NULL OR n.status = $3) AND ($4::uuid IS NULL OR n.offer_id = $4)
       ORDER BY n.updated_at DESC LIMIT 500`,
      [structures, actor.userId, filter.status ?? null, filter.offerId ?? null],
    );
    await recordPeopleAccess(
      this.audit,
      this.dataSource.manager,
      actor,
      'list',
      rows.map((row) => row.beneficiary_id),
      { part: 'introductions', status: filter.status ?? null, offerId: filter.offerId ?? null },
    );
    return rows.map((row) => ({
      id: row.id,
      beneficiaryId: row.beneficiary_id,
      status: row.status,
      employerName: row.employer_name,
      offerId: row.offer_id,
      offerTitle: row.offer_title,
      firstName: row.first_name,
      updatedAt: row.updated_at,
      interviewAt: row.interview_at,
      lastAnswer: row.last_answer ? { ...row.last_answer, at: row.last_answer_at! } : null,
    }));
  }

  /** One introduction with its card and trail: a read of the person's data, audited. */
  async get(actor: Actor, id: string): Promise<IntroductionView> {
    const row = await this.open(this.dataSource.manager, actor, id);
    await recordPeopleAccess(this.audit, this.dataSource.manager, actor, 'read', [row.beneficiary_id], {
      part: 'introduction',
      introductionId: id,
    });
    return this.view(this.dataSource.manager, id);
  }

  async transition(actor: Actor, id: string, input: TransitionInput): Promise<IntroductionView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.open(manager, actor, id);
      const problems = transitionProblems(row.status, input);
      if (problems.length > 0)
        throw new DomainError(
          'invalid',
          'introduction.invalid_transition',
          `cannot move from ${row.status} to ${input.to}`,
          problems,
        );
      // The person's acceptance is the moment their card is built (the coach may still edit it).
      // A mediator of the introduction's structure records it as well as the coach: `open` let them in, and
      // the card reads only what it shows of the file (cardSource), never the whole coaching file.
      const card = input.to === 'accepted' ? await this.cardFor(manager, actor, row) : row.card;
      await manager.query(
        `UPDATE introduction SET status = $2, card = $3,
           interview_at = coalesce($4::timestamptz, interview_at), interview_place = coalesce($5, interview_place),
           trial_start = coalesce($6::date, trial_start), trial_end = coalesce($7::date, trial_end),
           decline_reason = coalesce($8, decline_reason), updated_at = now()
         WHERE id = $1`,
        [
          id,
          input.to,
          card ? JSON.stringify(card) : null,
          input.interviewAt ?? null,
          input.interviewPlace ?? null,
          input.trialStart ?? null,
          input.trialEnd ?? null,
          input.declineReason ?? null,
        ],
      );
      if (input.to === 'hired' || input.to === 'declined' || input.to === 'withdrawn')
        await manager.query(
          'UPDATE card_link SET revoked_at = coalesce(revoked_at, now()) WHERE introduction_id = $1',
          [id],
        );
      await this.event(manager, id, 'transition', row.status, input.to, actor);
      return this.view(manager, id);
    });
  }

  /** The coach edits the card: a note, and which skills and qualities to show (among the person's). */
  async editCard(
    actor: Actor,
    id: string,
    input: { note?: string | null; skills?: string[]; qualities?: string[] },
  ): Promise<CandidateCard> {
    return this.dataSource.transaction(async (manager) => {
      const { card: current, source } = await this.cardContext(manager, actor, id);
      const keep = (wanted: string[] | undefined, known: readonly string[], field: string): readonly string[] => {
        if (!wanted) return current[field as 'skills'];
        const unknown = wanted.filter((label) => !known.includes(label));
        if (unknown.length > 0)
          throw new DomainError('bad_request', 'card.unknown_label', 'only the person’s own skills and qualities', [
            { field, reason: `not in the person's file: ${unknown.join(', ')}` },
          ]);
        return wanted;
      };
      const card: CandidateCard = {
        ...current,
        skills: keep(input.skills, [...source.skills, ...current.skills], 'skills'),
        qualities: keep(input.qualities, [...source.qualities, ...current.qualities], 'qualities'),
        note: input.note === undefined ? current.note : input.note,
      };
      await manager.query('UPDATE introduction SET card = $2, updated_at = now() WHERE id = $1', [
        id,
        JSON.stringify(card),
      ]);
      return card;
    });
  }

  /**
   * The labels the coach may show on the card: those on it now, then every other skill and quality
   * of the person's file (declared, then from past occupations), so a label taken off can come back.
   */
  async cardChoices(actor: Actor, id: string): Promise<{ skills: string[]; qualities: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const { card, source } = await this.cardContext(manager, actor, id);
      return {
        skills: [...new Set([...card.skills, ...source.skills])],
        qualities: [...new Set([...card.qualities, ...source.qualities])],
      };
    });
  }

  /** The introduction, its card and what the card may show (the person's file); refused before the card exists. */
  private async cardContext(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<{ row: IntroductionRow; card: CandidateCard; source: CardSource }> {
    const row = await this.open(manager, actor, id);
    if (!row.card)
      throw new DomainError('invalid', 'introduction.no_card', 'the card exists once the person accepted', [
        { field: 'status', reason: row.status },
      ]);
    return { row, card: row.card, source: await this.cardSourceFor(manager, actor, row) };
  }

  /**
   * A signed link for the employer (only the token's hash is kept). Refused without the person's
   * consent to share their profile. The introduction moves to `card_sent`. A disclosure to a third
   * party: the audit log records to which employer (and contact's address), for which introduction.
   */
  async sendLink(
    actor: Actor,
    id: string,
    baseUrl: string,
    options: { contactId?: string } = {},
  ): Promise<{ url: string; expiresAt: Date; emailedTo: string | null }> {
    const sent = await this.dataSource.transaction(async (manager) => {
      const row = await this.open(manager, actor, id);
      if (!row.card || (row.status !== 'accepted' && row.status !== 'card_sent'))
        throw new DomainError('invalid', 'introduction.not_ready', 'the person must have accepted first', [
          { field: 'status', reason: row.status },
        ]);
      if (!(await this.consents.isGranted(row.beneficiary_id, 'share_profile_with_employers', manager)))
        throw new DomainError(
          'invalid',
          'introduction.no_consent',
          'the person has not consented to share their profile',
          [{ field: 'consent', reason: 'share_profile_with_employers is not recorded' }],
        );
      const token = randomBytes(32).toString('base64url');
      const days = await this.settings.number('mediation.card_link_days', manager);
      const expiresAt = new Date(Date.now() + days * 86_400_000);
      let contact: { email: string; name: string } | null = null;
      if (options.contactId) {
        const contacts: Array<{ email: string | null; name: string }> = await manager.query(
          'SELECT email, name FROM employer_contact WHERE id = $1 AND employer_id = $2',
          [options.contactId, row.employer_id],
        );
        if (contacts.length === 0 || !contacts[0].email)
          throw new DomainError(
            'invalid',
            'introduction.no_contact_email',
            'this contact has no e-mail at this employer',
            [{ field: 'contactId', reason: 'not a contact with an e-mail of this employer' }],
          );
        contact = { email: contacts[0].email, name: contacts[0].name };
      }
      const links: Array<{ id: string }> = await manager.query(
        'INSERT INTO card_link (introduction_id, token_hash, expires_at, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
        [id, hashToken(token), expiresAt, actor.userId],
      );
      await this.event(manager, id, 'link_sent', null, null, actor, { expiresAt: expiresAt.toISOString() });
      await recordPeopleAccess(this.audit, manager, actor, 'share', [row.beneficiary_id], {
        part: 'card_link',
        introductionId: id,
        linkId: links[0].id,
        employerId: row.employer_id,
        employerName: row.employer_name,
        offerId: row.offer_id,
        contactId: options.contactId ?? null,
        emailedTo: contact?.email ?? null,
        expiresAt: expiresAt.toISOString(),
      });
      if (row.status === 'accepted') {
        await manager.query(`UPDATE introduction SET status = 'card_sent', updated_at = now() WHERE id = $1`, [id]);
        await this.event(manager, id, 'transition', 'accepted', 'card_sent', actor);
      }
      return {
        url: `${baseUrl.replace(/\/$/, '')}/cartes/${token}`,
        expiresAt,
        linkId: links[0].id,
        contact,
        firstName: row.card.firstName,
        offerTitle: row.offer_title,
        beneficiaryId: row.beneficiary_id,
      };
    });
    // After the commit: no e-mail or reminder for a link that does not exist.
    if (sent.contact)
      await this.mailer.send({
        to: sent.contact.email,
        aboutPersonId: sent.beneficiaryId,
        subject: `Une candidature pour ${sent.offerTitle ?? 'votre entreprise'} : ${sent.firstName}`,
        text: [
          `Bonjour ${sent.contact.name},`,
          '',
          `Suite à notre échange, voici le profil de ${sent.firstName}${sent.offerTitle ? ` pour le poste « ${sent.offerTitle} »` : ''}.`,
          `Vous pouvez le consulter et nous répondre en un clic jusqu’au ${sent.expiresAt.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} :`,
          sent.url,
          '',
          'Bien cordialement,',
          'Le service d’accompagnement vers l’emploi',
        ].join('\n'),
      });
    await this.reminders.add(
      'employer-reminder',
      { introductionId: id, linkId: sent.linkId },
      {
        delay: (await this.settings.number('mediation.reminder_hours')) * 3_600_000,
        jobId: `reminder-${sent.linkId}`,
        removeOnComplete: 100,
        removeOnFail: 100,
      },
    );
    return { url: sent.url, expiresAt: sent.expiresAt, emailedTo: sent.contact?.email ?? null };
  }

  /**
   * The delayed reminder: when the employer has not answered since the link was sent (and the
   * introduction still waits on them), the mediator who sent it is notified, in the app and by e-mail.
   */
  async remindIfUnanswered(introductionId: string, linkId: string): Promise<'reminded' | 'answered' | 'moved_on'> {
    const rows: Array<{
      status: string;
      created_by: string;
      created_at: Date;
      revoked_at: Date | null;
      email: string;
      employer_name: string;
      beneficiary_id: string;
    }> = await this.dataSource.query(
      `SELECT n.status, l.created_by, l.created_at, l.revoked_at, u.email, e.name AS employer_name, n.beneficiary_id
         FROM card_link l JOIN introduction n ON n.id = l.introduction_id JOIN app_user u ON u.id = l.created_by
         JOIN employer e ON e.id = n.employer_id JOIN beneficiary b ON b.id = n.beneficiary_id
         WHERE l.id = $1 AND n.id = $2 AND b.erased_at IS NULL`,
      [linkId, introductionId],
    );
    const link = rows.at(0);
    if (!link || link.revoked_at || link.status !== 'card_sent') return 'moved_on';
    const answers: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM introduction_event WHERE introduction_id = $1 AND kind = 'answered' AND at >= $2`,
      [introductionId, link.created_at],
    );
    if (answers.length > 0) return 'answered';
    const message = `${link.employer_name} n’a pas encore répondu à la fiche envoyée le ${link.created_at.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} : une relance ?`;
    const inserted = await this.notifications.execute([
      {
        userId: link.created_by,
        kind: 'employer_no_answer',
        subjectType: 'introduction',
        subjectId: introductionId,
        message,
      },
    ]);
    if (inserted.length > 0)
      await this.mailer.send({
        to: link.email,
        subject: 'Relance employeur à faire',
        text: message,
        aboutPersonId: link.beneficiary_id,
      });
    return 'reminded';
  }

  /**
   * The people who follow an introduction and hear of the employer's answers: whoever proposed it,
   * whoever sent the employer a link, and the person's referent coach.
   */
  async owners(manager: EntityManager, id: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await manager.query(
      `SELECT n.created_by AS user_id FROM introduction n WHERE n.id = $1
       UNION SELECT l.created_by FROM card_link l WHERE l.introduction_id = $1
       UNION SELECT b.referent_user_id FROM introduction n JOIN beneficiary b ON b.id = n.beneficiary_id
         WHERE n.id = $1 AND b.referent_user_id IS NOT NULL`,
      [id],
    );
    return rows.map((row) => row.user_id);
  }

  async revokeLinks(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.open(manager, actor, id);
      await manager.query('UPDATE card_link SET revoked_at = now() WHERE introduction_id = $1 AND revoked_at IS NULL', [
        id,
      ]);
      await this.event(manager, id, 'link_revoked', null, null, actor);
    });
  }

  private async cardFor(manager: EntityManager, actor: Actor, row: IntroductionRow): Promise<CandidateCard> {
    return buildCard(await this.cardSourceFor(manager, actor, row));
  }

  /** What a card is built from: every skill and quality the person's file gives, before the card keeps the first. */
  private async cardSourceFor(manager: EntityManager, actor: Actor, row: IntroductionRow): Promise<CardSource> {
    // Only after `open` admitted the actor to this introduction (its structure's staff or the referent).
    const file = await this.files.cardSource(actor, row.beneficiary_id, { introductionId: row.id }, manager);
    if (!file.diagnostic)
      throw new DomainError(
        'invalid',
        'introduction.no_diagnostic',
        'the card is built from the diagnostic: record it first',
        [{ field: 'diagnostic', reason: 'missing' }],
      );
    await this.referential.load();
    const diagnostic = file.diagnostic;
    const experiences = diagnostic.experiences.map((experience) => ({
      label:
        (experience.romeCode ? this.referential.occupation(experience.romeCode)?.label : undefined) ??
        experience.jobTitle ??
        'Expérience',
      months: experience.months,
    }));
    const declared = diagnostic.skills
      .map((skill) => this.referential.skill(skill.code))
      .filter((skill) => skill !== null);
    const fromOccupations = diagnostic.experiences.flatMap((experience) =>
      experience.romeCode ? this.referential.skillsOfOccupation(experience.romeCode) : [],
    );
    return {
      firstName: file.firstName ?? '',
      experiences,
      skills: [
        ...declared.filter((skill) => skill.kind === 'savoir_faire').map((skill) => skill.label),
        ...fromOccupations.filter((skill) => skill.kind === 'savoir_faire' && skill.core).map((skill) => skill.label),
      ],
      qualities: [
        ...declared.filter((skill) => skill.kind === 'savoir_etre').map((skill) => skill.label),
        ...fromOccupations.filter((skill) => skill.kind === 'savoir_etre').map((skill) => skill.label),
      ],
      desiredOccupation: diagnostic.desiredOccupations[0]
        ? (this.referential.occupation(diagnostic.desiredOccupations[0])?.label ?? null)
        : null,
      availabilityDate: diagnostic.availabilityDate,
      drivingLicence: diagnostic.drivingLicence,
      vehicle: diagnostic.vehicle,
      maxDistanceKm: diagnostic.maxDistanceKm,
      languages: diagnostic.languages,
    };
  }

  async event(
    manager: EntityManager,
    id: string,
    kind: string,
    from: string | null,
    to: string | null,
    actor: Actor | null,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await manager.query(
      `INSERT INTO introduction_event (introduction_id, kind, from_status, to_status, actor_user_id, actor_kind, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, kind, from, to, actor?.userId ?? null, actor ? 'user' : 'employer', JSON.stringify(details)],
    );
  }

  async view(manager: EntityManager, id: string): Promise<IntroductionView> {
    const rows: IntroductionRow[] = await manager.query(`${SELECT} WHERE n.id = $1`, [id]);
    const row = rows[0];
    const events: Array<{
      kind: string;
      from_status: string | null;
      to_status: string | null;
      actor_kind: string;
      actor_user_id: string | null;
      details: Record<string, unknown>;
      at: Date;
    }> = await manager.query('SELECT * FROM introduction_event WHERE introduction_id = $1 ORDER BY at, id', [id]);
    return {
      id: row.id,
      beneficiaryId: row.beneficiary_id,
      employerId: row.employer_id,
      employerName: row.employer_name,
      offerId: row.offer_id,
      offerTitle: row.offer_title,
      status: row.status,
      next: allowedNext(row.status),
      interviewAt: row.interview_at,
      interviewPlace: row.interview_place,
      trialStart: row.trial_start,
      trialEnd: row.trial_end,
      declineReason: row.decline_reason,
      card: row.card,
      events: events.map((event) => ({
        kind: event.kind,
        fromStatus: event.from_status,
        toStatus: event.to_status,
        actorKind: event.actor_kind,
        actorUserId: event.actor_user_id,
        details: event.details,
        at: event.at,
      })),
    };
  }
}
