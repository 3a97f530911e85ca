import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PmsmpObjective, PmsmpParty, PmsmpStatus, PmsmpTerms } from '../domain/pmsmp-convention.js';
import {
  PmsmpConventionStore,
  type PmsmpParties,
  type PmsmpSuggestion,
  type StoredPmsmpConvention,
} from '../application/ports/pmsmp-convention-store.js';

const SIGNATURE_COLUMNS: Readonly<Record<PmsmpParty, string>> = {
  person: 'person_signed_on',
  employer: 'employer_signed_on',
  prescriber: 'prescriber_signed_on',
};

/** PMSMP conventions (`pmsmp_convention`); the parties' names from the views their owners publish. */
@Injectable()
export class SqlPmsmpConventionStore extends PmsmpConventionStore {
  async find(manager: EntityManager, introductionId: string): Promise<StoredPmsmpConvention | null> {
    const rows: Array<{
      start_date: string;
      end_date: string;
      weekly_hours: string;
      schedule: string;
      workplace: string;
      tasks: string[];
      skills_to_observe: string[];
      objective: PmsmpObjective;
      tutor_name: string;
      tutor_role: string | null;
      tutor_phone: string | null;
      tutor_email: string | null;
      status: PmsmpStatus;
      person_signed_on: string | null;
      employer_signed_on: string | null;
      prescriber_signed_on: string | null;
      updated_at: Date;
    }> = await manager.query(
      `SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date,
         weekly_hours, schedule, workplace, tasks, skills_to_observe, objective, tutor_name, tutor_role,
         tutor_phone, tutor_email, status, to_char(person_signed_on, 'YYYY-MM-DD') AS person_signed_on,
         to_char(employer_signed_on, 'YYYY-MM-DD') AS employer_signed_on,
         to_char(prescriber_signed_on, 'YYYY-MM-DD') AS prescriber_signed_on, updated_at
       FROM pmsmp_convention WHERE introduction_id = $1`,
      [introductionId],
    );
    const row = rows.at(0);
    if (!row) return null;
    return {
      terms: {
        startDate: row.start_date,
        endDate: row.end_date,
        weeklyHours: Number(row.weekly_hours),
        schedule: row.schedule,
        workplace: row.workplace,
        tasks: row.tasks,
        skillsToObserve: row.skills_to_observe,
        objective: row.objective,
        tutorName: row.tutor_name,
        tutorRole: row.tutor_role,
        tutorPhone: row.tutor_phone,
        tutorEmail: row.tutor_email,
      },
      status: row.status,
      signatures: {
        person: row.person_signed_on,
        employer: row.employer_signed_on,
        prescriber: row.prescriber_signed_on,
      },
      updatedAt: row.updated_at,
    };
  }

  async suggestion(manager: EntityManager, introductionId: string): Promise<PmsmpSuggestion> {
    const rows: Array<{
      trial_start: string | null;
      trial_end: string | null;
      schedule: string | null;
      tasks: string[] | null;
      commune_name: string;
      contact_name: string | null;
      contact_role: string | null;
      contact_phone: string | null;
      contact_email: string | null;
    }> = await manager.query(
      `SELECT to_char(n.trial_start, 'YYYY-MM-DD') AS trial_start, to_char(n.trial_end, 'YYYY-MM-DD') AS trial_end,
         j.schedule, j.tasks, e.commune_name, c.name AS contact_name, c.role AS contact_role,
         c.phone AS contact_phone, c.email AS contact_email
       FROM introduction n JOIN employer e ON e.id = n.employer_id
       LEFT JOIN LATERAL (SELECT schedule, tasks FROM job_analysis
         WHERE offer_id = n.offer_id AND employer_id = n.employer_id ORDER BY analysed_on DESC, created_at DESC LIMIT 1) j ON true
       LEFT JOIN LATERAL (SELECT name, role, phone, email FROM employer_contact
         WHERE employer_id = n.employer_id ORDER BY created_at LIMIT 1) c ON true
       WHERE n.id = $1`,
      [introductionId],
    );
    const row = rows[0];
    return {
      startDate: row.trial_start,
      endDate: row.trial_end,
      schedule: row.schedule,
      workplace: row.commune_name,
      tasks: row.tasks ?? [],
      tutorName: row.contact_name,
      tutorRole: row.contact_role,
      tutorPhone: row.contact_phone,
      tutorEmail: row.contact_email,
    };
  }

  async parties(manager: EntityManager, introductionId: string): Promise<PmsmpParties> {
    const rows: Array<{
      first_name: string | null;
      last_name: string | null;
      employer_name: string;
      siret: string | null;
      commune_name: string;
      structure_name: string;
      job_title: string | null;
    }> = await manager.query(
      `SELECT b.first_name, b.last_name, e.name AS employer_name, e.siret, e.commune_name, s.name AS structure_name,
         coalesce(o.title, (SELECT j.title FROM job_analysis j WHERE j.offer_id = n.offer_id LIMIT 1)) AS job_title
       FROM introduction n JOIN employer e ON e.id = n.employer_id
       JOIN coaching_beneficiary_v b ON b.id = n.beneficiary_id
       JOIN identity_structure_v s ON s.id = n.structure_id
       LEFT JOIN offers_offer_v o ON o.id = n.offer_id
       WHERE n.id = $1`,
      [introductionId],
    );
    const row = rows[0];
    return {
      personName: [row.first_name, row.last_name].filter(Boolean).join(' '),
      employerName: row.employer_name,
      employerSiret: row.siret,
      employerCommune: row.commune_name,
      structureName: row.structure_name,
      jobTitle: row.job_title,
    };
  }

  async save(manager: EntityManager, introductionId: string, terms: PmsmpTerms, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO pmsmp_convention (introduction_id, start_date, end_date, weekly_hours, schedule, workplace, tasks,
         skills_to_observe, objective, tutor_name, tutor_role, tutor_phone, tutor_email, status, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'draft', $14, $14)
       ON CONFLICT (introduction_id) DO UPDATE SET start_date = $2, end_date = $3, weekly_hours = $4, schedule = $5,
         workplace = $6, tasks = $7, skills_to_observe = $8, objective = $9, tutor_name = $10, tutor_role = $11,
         tutor_phone = $12, tutor_email = $13, updated_by = $14, updated_at = now()`,
      [
        introductionId,
        terms.startDate,
        terms.endDate,
        terms.weeklyHours,
        terms.schedule,
        terms.workplace,
        terms.tasks,
        terms.skillsToObserve,
        terms.objective,
        terms.tutorName,
        terms.tutorRole,
        terms.tutorPhone,
        terms.tutorEmail,
        userId,
      ],
    );
  }

  async sign(
    manager: EntityManager,
    introductionId: string,
    party: PmsmpParty,
    signedOn: string | null,
    status: PmsmpStatus,
    userId: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE pmsmp_convention SET ${SIGNATURE_COLUMNS[party]} = $2, status = $3, updated_by = $4, updated_at = now()
       WHERE introduction_id = $1`,
      [introductionId, signedOn, status, userId],
    );
  }
}
