import { PageTitle } from '../ui/ui';

export function FollowUpsPage() {
  return <PageTitle title="FollowUpsPage">FollowUpsPage</PageTitle>;
}
