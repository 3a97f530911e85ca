import { PageTitle } from '../ui/ui';

export function IndicatorsPage() {
  return <PageTitle title="IndicatorsPage">IndicatorsPage</PageTitle>;
}
