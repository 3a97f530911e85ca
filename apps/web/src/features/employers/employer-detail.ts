import type { EmployerView } from '../../api/types';
import { api, pending } from '../../api/client';

/** How the mediator met the employer. */
export type InteractionKind = 'visit' | 'call' | 'email' | 'event';

export interface EmployerContact {
  readonly id: string;
  readonly name: string;
  readonly role: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface EmployerInteraction {
  readonly id: string;
  readonly kind: InteractionKind;
  readonly occurredOn: string;
  readonly outcome: string | null;
  readonly nextAction: string | null;
  readonly nextActionOn: string | null;
  readonly nextActionDoneAt: string | null;
}

export interface EmployerDetailView extends EmployerView {
  readonly contacts: EmployerContact[];
  readonly interactions: EmployerInteraction[];
  readonly analyses?: JobAnalysisSummary[];
}

export interface JobAnalysisSummary {
  readonly id: string;
  readonly title: string;
  readonly romeCode: string | null;
  readonly offerId: string | null;
  readonly analysedOn: string;
  readonly negotiatedAway?: string[] | null;
}

/** An employer's card: contacts, exchanges and job analyses (the mediation desk; the introduction's contacts). */
export function fetchEmployer(id: string): Promise<EmployerDetailView> {
  return pending<EmployerDetailView>(api.GET('/employers/{id}', { params: { path: { id } } }));
}
