import { PageTitle } from '../ui/ui';

export function MatchesPage() {
  return <PageTitle title="MatchesPage">MatchesPage</PageTitle>;
}
