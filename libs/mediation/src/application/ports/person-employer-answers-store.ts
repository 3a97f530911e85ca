import type { EntityManager } from 'typeorm';
import type { EmployerAnswer } from '../../domain/employer.js';
import type { RefusalReason } from '../../domain/shortlist.js';

/** An employer's answer about the person, through a card link or a shortlist. */
export interface ExportedEmployerAnswer {
  readonly via: 'card_link' | 'shortlist';
  readonly employerName: string;
  readonly offerTitle: string | null;
  readonly answeredAt: Date;
  readonly answer: EmployerAnswer;
  /** « Pas pour le moment »: the reason the employer picked. */
  readonly refusalReason: RefusalReason | null;
  /** The interview the employer picked or proposed, as they read it. */
  readonly proposedInterview: string | null;
  /** What the employer wrote with the answer (a question, a remark). */
  readonly message: string | null;
}

/** One message of an employer's exchange about the person on a shortlist: their question, the service's reply. */
export interface ExportedEmployerExchange {
  readonly employerName: string;
  readonly offerTitle: string | null;
  readonly from: 'employer' | 'service';
  readonly body: string;
  readonly at: Date;
}

/** What mediation holds of employers' words about one person, for their export (right of access). */
export abstract class PersonEmployerAnswersStore {
  /** Every answer given, oldest first. */
  abstract answers(manager: EntityManager, beneficiaryId: string): Promise<ExportedEmployerAnswer[]>;

  /** The questions employers asked about the person on shortlists and the replies sent to them, oldest first. */
  abstract exchanges(manager: EntityManager, beneficiaryId: string): Promise<ExportedEmployerExchange[]>;
}
