import type { EntityManager } from 'typeorm';
import { addDays, addMonths } from '@passerelle/coaching';
import { isDurable, type PlacementContract } from '@passerelle/outcomes';

/** People whose coaching ended in the past months, with what became of them. */
interface PastPerson {
  readonly firstName: string;
  readonly lastName: string;
  readonly inseeCode: string;
  readonly communeName: string;
  readonly postalCode: string;
  readonly endedDaysAgo: number;
  readonly exit: 'job' | 'training' | 'other' | 'no_contact';
  readonly job?: { employer: string; contract: PlacementContract; months: number | null; endedDaysAgo?: number };
  /** Left the RSA at the checkpoints that fell due. */
  readonly rsaExit: boolean;
  readonly cv: boolean;
  /** Introduced by the mediator to this employer (hired). */
  readonly introducedBy?: 'employer';
}

const PAST: readonly PastPerson[] = [
  {
    firstName: 'Sylvie',
    lastName: 'Passée',
    inseeCode: '59350',
    communeName: 'Lille',
    postalCode: '59000',
    endedDaysAgo: 200,
    exit: 'job',
    job: { employer: 'Boulangerie du Beffroi', contract: 'cdi', months: null },
    rsaExit: true,
    cv: true,
    introducedBy: 'employer',
  },
  {
    firstName: 'Mehdi',
    lastName: 'Ancien',
    inseeCode: '59512',
    communeName: 'Roubaix',
    postalCode: '59100',
    endedDaysAgo: 150,
    exit: 'job',
    job: { employer: 'Propreté Services Nord', contract: 'cdd', months: 8 },
    rsaExit: true,
    cv: true,
  },
  {
    firstName: 'Laura',
    lastName: 'Sortie',
    inseeCode: '59599',
    communeName: 'Tourcoing',
    postalCode: '59200',
    endedDaysAgo: 120,
    exit: 'job',
    // A three-month contract that stopped before its M+3 checkpoint.
    job: { employer: 'Logistique des Flandres', contract: 'cdd', months: 3, endedDaysAgo: 40 },
    rsaExit: true,
    cv: true,
  },
  {
    firstName: 'Jean',
    lastName: 'Formé',
    inseeCode: '59350',
    communeName: 'Lille',
    postalCode: '59000',
    endedDaysAgo: 100,
    exit: 'training',
    rsaExit: false,
    cv: false,
  },
  {
    firstName: 'Chantal',
    lastName: 'Partie',
    inseeCode: '59183',
    communeName: 'Dunkerque',
    postalCode: '59140',
    endedDaysAgo: 75,
    exit: 'other',
    rsaExit: false,
    cv: false,
  },
  {
    firstName: 'Hugo',
    lastName: 'Récent',
    inseeCode: '59350',
    communeName: 'Lille',
    postalCode: '59000',
    endedDaysAgo: 35,
    exit: 'job',
    job: { employer: 'Boulangerie du Beffroi', contract: 'interim', months: 2 },
    rsaExit: true,
    cv: true,
  },
];

/**
 * The results side of the demo: past coaching with placements and checkpoints (so the managers'
 * indicators show figures), two employers with contacts, an introduction that led to a hire.
 * Written as records with past dates, the way years of use would have left them.
 */
export async function seedDemoOutcomes(
  manager: EntityManager,
  ids: { structureId: string; coachId: string; mediatorId: string },
  today: string,
): Promise<void> {
  const employers = new Map<string, string>();
  for (const [name, insee, commune] of [
    ['Boulangerie du Beffroi', '59350', 'Lille'],
    ['Propreté Services Nord', '59512', 'Roubaix'],
  ]) {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO employer (structure_id, name, sector, size_band, commune_insee, commune_name, created_by)
       VALUES ($1, $2, $3, '10-49', $4, $5, $6) RETURNING id`,
      [
        ids.structureId,
        name,
        name.startsWith('Boulangerie') ? 'Boulangerie' : 'Propreté',
        insee,
        commune,
        ids.mediatorId,
      ],
    );
    employers.set(name, rows[0].id);
    await manager.query(
      `INSERT INTO employer_contact (employer_id, name, role, email) VALUES ($1, $2, 'gérant·e', $3)`,
      [
        rows[0].id,
        name.startsWith('Boulangerie') ? 'Mme Lefebvre' : 'M. Dubois',
        `contact@${rows[0].id.slice(0, 8)}.example`,
      ],
    );
    await manager.query(
      `INSERT INTO employer_interaction (employer_id, kind, occurred_on, outcome, next_action, next_action_on, author_id)
       VALUES ($1, 'visit', $2, 'Analyse du poste faite sur place', 'Présenter un·e candidat·e', $3, $4)`,
      [rows[0].id, addDays(today, -10), addDays(today, 2), ids.mediatorId],
    );
  }
  for (const person of PAST) {
    const ended = addDays(today, -person.endedDaysAgo);
    const oriented = addDays(ended, -120);
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO beneficiary (structure_id, referent_user_id, first_name, last_name, commune_insee, commune_name,
         postal_code, orientation_date, status, exit_reason, ended_on, cv_platform, cv_deposited_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'ended', $9, $10, $11, $12) RETURNING id`,
      [
        ids.structureId,
        ids.coachId,
        person.firstName,
        person.lastName,
        person.inseeCode,
        person.communeName,
        person.postalCode,
        oriented,
        person.exit,
        ended,
        person.cv ? 'nordemploi' : null,
        person.cv ? addDays(oriented, 20) : null,
      ],
    );
    const id = rows[0].id;
    let introductionId: string | null = null;
    if (person.introducedBy && person.job) {
      const at = `${addDays(oriented, 40)}T10:00:00+01:00`;
      const introduction: Array<{ id: string }> = await manager.query(
        `INSERT INTO introduction (beneficiary_id, employer_id, structure_id, status, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, 'hired', $4, $5, $5) RETURNING id`,
        [id, employers.get(person.job.employer), ids.structureId, ids.mediatorId, at],
      );
      introductionId = introduction[0].id;
      await manager.query(
        `INSERT INTO card_link (introduction_id, token_hash, expires_at, revoked_at, created_by, created_at)
         VALUES ($1, md5(random()::text), $2::timestamptz + interval '30 days', $2::timestamptz + interval '20 days', $3, $2)`,
        [introductionId, at, ids.mediatorId],
      );
      await manager.query(
        `INSERT INTO introduction_event (introduction_id, kind, actor_kind, details, at)
         VALUES ($1, 'answered', 'employer', '{"answer":"interested","message":null,"proposedInterview":"Mardi 9h"}', $2::timestamptz + interval '26 hours')`,
        [introductionId, at],
      );
    }
    if (person.job) {
      const start = addDays(ended, -10);
      await manager.query(
        `INSERT INTO placement (beneficiary_id, introduction_id, employer_id, employer_name, found_by, contract_type,
           contract_months, weekly_hours, start_date, durable, end_date, end_reason, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 35, $8, $9, $10, $11, $12)`,
        [
          id,
          introductionId,
          employers.get(person.job.employer) ?? null,
          person.job.employer,
          introductionId ? 'introduction' : 'coach',
          person.job.contract,
          person.job.months,
          start,
          isDurable(person.job.contract, person.job.months),
          person.job.endedDaysAgo ? addDays(today, -person.job.endedDaysAgo) : null,
          person.job.endedDaysAgo ? 'contract_end' : null,
          ids.coachId,
        ],
      );
    }
    // Checkpoints after the end of coaching: answered when due, except the last one due (a task).
    for (const [milestone, months] of [
      ['m1', 1],
      ['m3', 3],
      ['m6', 6],
    ] as const) {
      const due = addMonths(ended, months);
      const answered = due <= addDays(today, -8);
      const inJob = !!person.job && (!person.job.endedDaysAgo || addDays(today, -person.job.endedDaysAgo) >= due);
      await manager.query(
        `INSERT INTO follow_up (beneficiary_id, kind, milestone, due_on, assignee_user_id, task_created_at,
           answered_at, answered_by, in_job, rsa_exit)
         VALUES ($1, 'coaching_end', $2, $3, $4, CASE WHEN $5 THEN now() END, CASE WHEN $5 THEN now() END,
           CASE WHEN $5 THEN $4::uuid END, CASE WHEN $5 THEN $6::boolean END, CASE WHEN $5 THEN $7::boolean END)`,
        [id, milestone, due, ids.coachId, answered, inJob, person.rsaExit],
      );
    }
  }
}
