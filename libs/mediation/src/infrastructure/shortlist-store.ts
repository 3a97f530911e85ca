import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CandidateCard } from '../domain/candidate-card.js';
import type { EmployerAnswer } from '../domain/employer.js';
import type { IntroductionStatus } from '../domain/introduction.js';
import type { OfferedSlot, RefusalReason } from '../domain/shortlist.js';
import {
  type NewShortlist,
  type RefusalReasonCounts,
  type ShortlistDetail,
  type ShortlistEntry,
  type ReminderChannel,
  type ShortlistMailTarget,
  type ShortlistMessage,
  type ShortlistReminder,
  ShortlistStore,
  type ShortlistSummary,
} from '../application/ports/shortlist-store.js';
import { employerFacingStaffName } from '../domain/staff-name.js';

interface StoredSlot {
  startsAt: string;
  endsAt: string;
  place: string | null;
}

const reminderOf = (row: {
  reminded_at: Date | null;
  reminder_channel: ReminderChannel | null;
}): ShortlistReminder | null =>
  row.reminded_at && row.reminder_channel ? { at: row.reminded_at, channel: row.reminder_channel } : null;

const slotsOf = (stored: StoredSlot[]): OfferedSlot[] =>
  stored.map((slot) => ({ startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt), place: slot.place }));

/** Shortlists (`shortlist`, `shortlist_entry`, `shortlist_message`): only the token's hash is kept. */
@Injectable()
export class SqlShortlistStore extends ShortlistStore {
  async insert(manager: EntityManager, shortlist: NewShortlist): Promise<string> {
    const slots: StoredSlot[] = shortlist.slots.map((slot) => ({
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      place: slot.place,
    }));
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO shortlist (offer_id, employer_id, structure_id, token_hash, expires_at, offered_slots, contact_id,
         created_by, link_sealed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        shortlist.offerId,
        shortlist.employerId,
        shortlist.structureId,
        shortlist.tokenHash,
        shortlist.expiresAt,
        JSON.stringify(slots),
        shortlist.contactId,
        shortlist.createdBy,
        shortlist.linkSealed,
      ],
    );
    const id = rows[0].id;
    await manager.query(
      `INSERT INTO shortlist_entry (shortlist_id, introduction_id, position)
       SELECT $1, introduction_id, position FROM unnest($2::uuid[]) WITH ORDINALITY AS t (introduction_id, position)`,
      [id, shortlist.introductionIds],
    );
    return id;
  }

  async idByTokenHash(manager: EntityManager, tokenHash: string, lock: boolean): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM shortlist WHERE token_hash = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [tokenHash],
    );
    return rows.at(0)?.id ?? null;
  }

  async detail(manager: EntityManager, id: string): Promise<ShortlistDetail | null> {
    const rows: Array<{
      id: string;
      offer_id: string;
      offer_title: string;
      employer_id: string;
      employer_name: string;
      structure_id: string;
      expires_at: Date;
      revoked_at: Date | null;
      offered_slots: StoredSlot[];
      created_by: string;
      sender_name: string | null;
      sender_email: string | null;
      created_at: Date;
      contact_name: string | null;
      contact_email: string | null;
      reminded_at: Date | null;
      reminder_channel: ReminderChannel | null;
    }> = await manager.query(
      `SELECT s.id, s.offer_id, o.title AS offer_title, s.employer_id, e.name AS employer_name, s.structure_id,
         s.expires_at, s.revoked_at, s.offered_slots, s.created_by, u.display_name AS sender_name, u.email AS sender_email, s.created_at,
         c.name AS contact_name, CASE WHEN s.link_sealed IS NOT NULL THEN c.email END AS contact_email,
         s.reminded_at, s.reminder_channel
       FROM shortlist s JOIN employer e ON e.id = s.employer_id JOIN offers_offer_v o ON o.id = s.offer_id
       LEFT JOIN identity_user_v u ON u.id = s.created_by
       LEFT JOIN employer_contact c ON c.id = s.contact_id
       WHERE s.id = $1`,
      [id],
    );
    const row = rows.at(0);
    if (!row) return null;
    const entries: Array<{
      id: string;
      introduction_id: string;
      beneficiary_id: string;
      position: number;
      status: IntroductionStatus;
      card: CandidateCard | null;
      has_photo: boolean;
      answer: EmployerAnswer | null;
      slot_starts_at: Date | null;
      proposed_slot: string | null;
      refusal_reason: RefusalReason | null;
      free_text: string | null;
      appointment_id: string | null;
      answered_at: Date | null;
    }> = await manager.query(
      `SELECT se.id, se.introduction_id, n.beneficiary_id, se.position, n.status, n.card,
         EXISTS (SELECT 1 FROM coaching_photo_v p WHERE p.beneficiary_id = n.beneficiary_id) AS has_photo,
         se.answer, se.slot_starts_at, se.proposed_slot, se.refusal_reason, se.free_text, se.appointment_id,
         se.answered_at
       FROM shortlist_entry se JOIN introduction n ON n.id = se.introduction_id
       WHERE se.shortlist_id = $1 ORDER BY se.position`,
      [id],
    );
    const messages: Array<{
      id: string;
      entry_id: string;
      author_kind: 'employer' | 'user';
      author_name: string | null;
      body: string;
      created_at: Date;
    }> = await manager.query(
      `SELECT m.id, m.entry_id, m.author_kind, u.display_name AS author_name, m.body, m.created_at
       FROM shortlist_message m JOIN shortlist_entry se ON se.id = m.entry_id
       LEFT JOIN identity_user_v u ON u.id = m.author_user_id
       WHERE se.shortlist_id = $1 ORDER BY m.created_at, m.id`,
      [id],
    );
    return {
      id: row.id,
      offerId: row.offer_id,
      offerTitle: row.offer_title,
      employerId: row.employer_id,
      employerName: row.employer_name,
      structureId: row.structure_id,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      slots: slotsOf(row.offered_slots),
      createdBy: row.created_by,
      // The employer reads it on the page: a name, never a login.
      senderName: (row.sender_name && employerFacingStaffName(row.sender_name, row.sender_email ?? '')) ?? 'le service',
      createdAt: row.created_at,
      contactName: row.contact_name,
      contactEmail: row.contact_email,
      reminder: reminderOf(row),
      entries: entries.map((entry): ShortlistEntry => ({
        id: entry.id,
        introductionId: entry.introduction_id,
        beneficiaryId: entry.beneficiary_id,
        position: entry.position,
        status: entry.status,
        card: entry.card,
        hasPhoto: entry.has_photo,
        answer: entry.answer,
        slotStartsAt: entry.slot_starts_at,
        proposedSlot: entry.proposed_slot,
        refusalReason: entry.refusal_reason,
        freeText: entry.free_text,
        appointmentId: entry.appointment_id,
        answeredAt: entry.answered_at,
        messages: messages
          .filter((message) => message.entry_id === entry.id)
          .map((message): ShortlistMessage => ({
            id: message.id,
            authorKind: message.author_kind,
            authorName: message.author_name,
            body: message.body,
            at: message.created_at,
          })),
      })),
    };
  }

  async list(
    manager: EntityManager,
    structures: readonly string[] | null,
    userId: string,
    filter: { offerId?: string },
  ): Promise<ShortlistSummary[]> {
    const rows: Array<{
      id: string;
      offer_id: string;
      offer_title: string;
      employer_name: string;
      created_at: Date;
      expires_at: Date;
      revoked_at: Date | null;
      cards: number;
      answered: number;
      open_questions: number;
      reminded_at: Date | null;
      reminder_channel: ReminderChannel | null;
    }> = await manager.query(
      `SELECT s.id, s.offer_id, o.title AS offer_title, e.name AS employer_name, s.created_at, s.expires_at,
         s.revoked_at, s.reminded_at, s.reminder_channel,
         (SELECT count(*)::int FROM shortlist_entry se WHERE se.shortlist_id = s.id) AS cards,
         (SELECT count(*)::int FROM shortlist_entry se WHERE se.shortlist_id = s.id AND se.answer IS NOT NULL) AS answered,
         (SELECT count(*)::int FROM shortlist_entry se
            WHERE se.shortlist_id = s.id
              AND (SELECT m.author_kind FROM shortlist_message m WHERE m.entry_id = se.id
                   ORDER BY m.created_at DESC, m.id DESC LIMIT 1) = 'employer') AS open_questions
       FROM shortlist s JOIN employer e ON e.id = s.employer_id JOIN offers_offer_v o ON o.id = s.offer_id
       WHERE ($1::uuid[] IS NULL OR s.structure_id = ANY ($1) OR s.created_by = $3)
         AND ($2::uuid IS NULL OR s.offer_id = $2)
       ORDER BY s.created_at DESC LIMIT 200`,
      [structures, filter.offerId ?? null, userId],
    );
    return rows.map((row) => ({
      id: row.id,
      offerId: row.offer_id,
      offerTitle: row.offer_title,
      employerName: row.employer_name,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      cards: row.cards,
      answered: row.answered,
      openQuestions: row.open_questions,
      reminder: reminderOf(row),
    }));
  }

  async recordAnswer(
    manager: EntityManager,
    entryId: string,
    answer: {
      answer: EmployerAnswer;
      slotStartsAt: Date | null;
      proposedSlot: string | null;
      refusalReason: RefusalReason | null;
      freeText: string | null;
      appointmentId: string | null;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE shortlist_entry SET answer = $2, slot_starts_at = $3, proposed_slot = $4, refusal_reason = $5,
         free_text = $6, appointment_id = coalesce($7, appointment_id), answered_at = now()
       WHERE id = $1`,
      [
        entryId,
        answer.answer,
        answer.slotStartsAt,
        answer.proposedSlot,
        answer.refusalReason,
        answer.freeText,
        answer.appointmentId,
      ],
    );
  }

  async addMessage(
    manager: EntityManager,
    entryId: string,
    author: { kind: 'employer' } | { kind: 'user'; userId: string },
    body: string,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO shortlist_message (entry_id, author_kind, author_user_id, body) VALUES ($1, $2, $3, $4)',
      [entryId, author.kind, author.kind === 'user' ? author.userId : null, body],
    );
  }

  async userNames(manager: EntityManager, userIds: readonly string[]): Promise<Array<string | null>> {
    const rows: Array<{ id: string; display_name: string; email: string }> = await manager.query(
      'SELECT id, display_name, email FROM identity_user_v WHERE id = ANY ($1::uuid[])',
      [userIds],
    );
    return userIds.flatMap((id) =>
      rows.filter((row) => row.id === id).map((row) => employerFacingStaffName(row.display_name, row.email)),
    );
  }

  async reminderCandidates(
    manager: EntityManager,
    sentBy: Date,
    now: Date,
  ): Promise<Array<{ id: string; createdAt: Date; employerCommuneInsee: string }>> {
    const rows: Array<{ id: string; created_at: Date; commune_insee: string }> = await manager.query(
      `SELECT s.id, s.created_at, e.commune_insee FROM shortlist s JOIN employer e ON e.id = s.employer_id
       WHERE s.reminded_at IS NULL AND s.revoked_at IS NULL AND s.created_at <= $1 AND s.expires_at > $2
         AND EXISTS (SELECT 1 FROM shortlist_entry se WHERE se.shortlist_id = s.id AND se.answer IS NULL)
       ORDER BY s.created_at LIMIT 500`,
      [sentBy, now],
    );
    return rows.map((row) => ({ id: row.id, createdAt: row.created_at, employerCommuneInsee: row.commune_insee }));
  }

  async mailTarget(manager: EntityManager, id: string, lock: boolean): Promise<ShortlistMailTarget | null> {
    const rows: Array<{
      id: string;
      structure_id: string;
      employer_id: string;
      employer_name: string;
      offer_title: string;
      created_by: string;
      created_at: Date;
      expires_at: Date;
      revoked_at: Date | null;
      contact_id: string | null;
      contact_name: string | null;
      contact_email: string | null;
      link_sealed: string | null;
      reminded_at: Date | null;
      reminder_channel: ReminderChannel | null;
    }> = await manager.query(
      `SELECT s.id, s.structure_id, s.employer_id, e.name AS employer_name, o.title AS offer_title, s.created_by,
         s.created_at, s.expires_at, s.revoked_at, s.contact_id, c.name AS contact_name, c.email AS contact_email,
         s.link_sealed, s.reminded_at, s.reminder_channel
       FROM shortlist s JOIN employer e ON e.id = s.employer_id JOIN offers_offer_v o ON o.id = s.offer_id
       LEFT JOIN employer_contact c ON c.id = s.contact_id
       WHERE s.id = $1 ${lock ? 'FOR UPDATE OF s' : ''}`,
      [id],
    );
    const row = rows.at(0);
    if (!row) return null;
    const waiting: Array<{ beneficiary_id: string }> = await manager.query(
      `SELECT n.beneficiary_id FROM shortlist_entry se JOIN introduction n ON n.id = se.introduction_id
       WHERE se.shortlist_id = $1 AND se.answer IS NULL ORDER BY se.position`,
      [id],
    );
    return {
      id: row.id,
      structureId: row.structure_id,
      employerId: row.employer_id,
      employerName: row.employer_name,
      offerTitle: row.offer_title,
      createdBy: row.created_by,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      contactId: row.contact_id,
      contactName: row.contact_name,
      contactEmail: row.contact_email,
      linkSealed: row.link_sealed,
      reminder: reminderOf(row),
      waitingBeneficiaryIds: waiting.map((entry) => entry.beneficiary_id),
    };
  }

  async markReminded(manager: EntityManager, id: string, channel: ReminderChannel, at: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE shortlist SET reminded_at = $3, reminder_channel = $2 WHERE id = $1 AND reminded_at IS NULL RETURNING id`,
      [id, channel, at],
    );
    return rows.length > 0;
  }

  async revoke(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE shortlist SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1', [id]);
  }

  async refusalReasons(
    manager: EntityManager,
    structures: readonly string[] | null,
    period: { from: string; to: string },
  ): Promise<RefusalReasonCounts> {
    const params = [structures, period.from, period.to];
    const where = `ev.refusal_reason IS NOT NULL
      AND (ev.at AT TIME ZONE 'Europe/Paris')::date BETWEEN $2::date AND $3::date
      AND ($1::uuid[] IS NULL OR n.structure_id = ANY ($1))`;
    const byOffer: Array<{ offer_id: string; offer_title: string; reason: RefusalReason; count: number }> =
      await manager.query(
        `SELECT n.offer_id, o.title AS offer_title, ev.refusal_reason AS reason, count(*)::int AS count
         FROM introduction_event ev JOIN introduction n ON n.id = ev.introduction_id
         JOIN offers_offer_v o ON o.id = n.offer_id
         WHERE ${where}
         GROUP BY n.offer_id, o.title, ev.refusal_reason ORDER BY o.title, count DESC, ev.refusal_reason`,
        params,
      );
    const byStructure: Array<{ structure_id: string; structure_name: string; reason: RefusalReason; count: number }> =
      await manager.query(
        `SELECT n.structure_id, st.name AS structure_name, ev.refusal_reason AS reason, count(*)::int AS count
         FROM introduction_event ev JOIN introduction n ON n.id = ev.introduction_id
         JOIN identity_structure_v st ON st.id = n.structure_id
         WHERE ${where}
         GROUP BY n.structure_id, st.name, ev.refusal_reason ORDER BY st.name, count DESC, ev.refusal_reason`,
        params,
      );
    return {
      byOffer: byOffer.map((row) => ({
        offerId: row.offer_id,
        offerTitle: row.offer_title,
        reason: row.reason,
        count: row.count,
      })),
      byStructure: byStructure.map((row) => ({
        structureId: row.structure_id,
        structureName: row.structure_name,
        reason: row.reason,
        count: row.count,
      })),
    };
  }
}
