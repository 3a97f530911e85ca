import { useApiData } from '../../api/use-api-data';
import { useCoachLoads } from '../../features/assignment/use-coach-loads';
import { fetchStructures } from '../../features/structures/structures';

/** For a manager: their structures and each coach's load against the cap (a coach registers into their own). */
export function useRegisterPersonData(manager: boolean) {
  const structures = useApiData(fetchStructures, [], { enabled: manager });
  const coachLoads = useCoachLoads(manager);
  return { structures, coachLoads };
}

export type RegisterPersonData = ReturnType<typeof useRegisterPersonData>;
