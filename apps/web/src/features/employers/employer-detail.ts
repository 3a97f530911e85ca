import { api, ok } from '../../api/client';
import type { EmployerDetailResponse } from '../../api/types';

/** How the mediator met the employer (what they log; `reminder` is Passerelle's own follow-up, never logged by hand). */
export type InteractionKind = Exclude<EmployerDetailResponse['interactions'][number]['kind'], 'reminder'>;

/** An employer's card: contacts, exchanges and job analyses (the mediation desk; the introduction's contacts). */
export function fetchEmployer(id: string): Promise<EmployerDetailResponse> {
  return ok(api.GET('/employers/{id}', { params: { path: { id } } }));
}
