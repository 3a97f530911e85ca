import { PageTitle } from '../ui/ui';

export function AdminPage() {
  return <PageTitle title="AdminPage">AdminPage</PageTitle>;
}
