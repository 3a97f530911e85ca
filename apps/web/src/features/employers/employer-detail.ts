import { api, ok } from '../../api/client';
import type { EmployerDetailResponse } from '../../api/types';

/** How the mediator met the employer. */
export type InteractionKind = EmployerDetailResponse['interactions'][number]['kind'];

/** An employer's card: contacts, exchanges and job analyses (the mediation desk; the introduction's contacts). */
export function fetchEmployer(id: string): Promise<EmployerDetailResponse> {
  return ok(api.GET('/employers/{id}', { params: { path: { id } } }));
}
