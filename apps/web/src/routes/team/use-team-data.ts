import { api, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
import { useCoachLoads } from '../../features/assignment/use-coach-loads';

/**
 * Each coach's load against the cap with the overrides in force, every person of the structures by
 * name, and the contact rhythm (settings, who is behind).
 */
export function useTeamData() {
  const coachLoads = useCoachLoads();
  const people = useApiData(
    () => ok(api.GET('/beneficiaries', { params: { query: { sort: 'name' } } })).then((page) => page.items),
    [],
  );
  const rhythms = useApiData(() => ok(api.GET('/contact-rhythms')), []);
  return { coachLoads, people, rhythms };
}
