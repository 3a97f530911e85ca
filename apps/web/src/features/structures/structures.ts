import { api, ok } from '../../api/client';
import type { components } from '../../api/types';

export type Structure = components['schemas']['StructureResponse'];

/** The structures the user may see (every one for an administrator), by name as French readers sort them. */
export async function fetchStructures(): Promise<Structure[]> {
  const list = await ok(api.GET('/structures'));
  return [...list].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
