import { hasRole, useAuth } from '../../auth/auth';
import { RefusalReasonsSection } from '../../features/refusal-reasons/refusal-reasons-section';
import { PageTitle } from '../../ui/ui';
import { CandidateRequests } from './candidate-requests';
import { CapturedOffersSummary } from './captured-offers-summary';
import { EmployerFollowUps } from './employer-follow-ups';
import { EmployersPanel } from './employers-panel';
import { IntroductionsBoard } from './introductions-board';
import { useMediationData } from './use-mediation-data';

/**
 * The mediators' desk: introductions by stage, actions due, employers, candidate requests, the 48-hour report and
 * the reasons employers give for "not now".
 */
export function MediationPage() {
  const { user } = useAuth();
  const managesEmployers = hasRole(user, 'coach', 'platform_staff');
  const seesRequests = hasRole(user, 'coach', 'platform_staff', 'manager');
  const desk = useMediationData({ employers: managesEmployers, requests: seesRequests });
  return (
    <>
      <PageTitle title="Médiation">Médiation avec les employeurs</PageTitle>
      <IntroductionsBoard introductions={desk.introductions} />
      {managesEmployers && <EmployerFollowUps actions={desk.dueActions} />}
      {/* An exchange logged with a next action puts it among the actions due. */}
      {managesEmployers && <EmployersPanel onLogged={desk.dueActions.reload} />}
      {seesRequests && <CandidateRequests requests={desk.candidateRequests} />}
      <CapturedOffersSummary report={desk.capturedOffers} />
      {hasRole(user, 'platform_staff') && <RefusalReasonsSection />}
    </>
  );
}
