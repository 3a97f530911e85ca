import { api, ok } from '../../api/client';
import { useApiData } from '../../api/use-api-data';

/** The needs employers posted to the user's structures, newest first, each with its 48-hour clock. */
export function useNeedsData() {
  return useApiData(() => ok(api.GET('/employers/needs')).then((page) => page.items), []);
}
