import { PageTitle } from '../ui/ui';

export function PersonPage() {
  return <PageTitle title="PersonPage">PersonPage</PageTitle>;
}
