import { PageTitle } from '../ui/ui';

export function MediationPage() {
  return <PageTitle title="MediationPage">MediationPage</PageTitle>;
}

export function IntroductionPage() {
  return <PageTitle title="IntroductionPage">IntroductionPage</PageTitle>;
}
