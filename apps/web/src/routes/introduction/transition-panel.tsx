import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { components, DeclineReason, IntroductionStatus, IntroductionResponse } from '../../api/types';
import { api, ok } from '../../api/client';
import { Choice } from '../../ui/choice';
import { Field, NativeDate } from '../../ui/forms';
import { DECLINE_REASONS } from '../../ui/labels';
import { useForm } from '../../ui/use-form';
import { Alert, Button } from '../../ui/ui';

/** What the button moving an introduction to a stage says. */
const MOVE_LABELS: Record<IntroductionStatus, string> = {
  proposed: 'Proposer',
  accepted: 'La personne accepte',
  card_sent: 'Fiche envoyée à l’employeur',
  employer_interested: 'L’employeur est intéressé',
  interview: 'Fixer un entretien',
  trial: 'Démarrer une immersion (PMSMP)',
  hired: 'Embauche',
  declined: 'Refus',
  withdrawn: 'Retirer la mise en relation',
};

/** The next steps allowed, each confirmed with what it needs (interview, trial dates, reason for a refusal). */
export function TransitionPanel({
  view,
  proposedInterview,
  onMoved,
}: {
  view: IntroductionResponse;
  proposedInterview: string | null;
  onMoved: (view: IntroductionResponse) => void;
}) {
  const [target, setTarget] = useState<IntroductionStatus | null>(null);
  const [interviewAt, setInterviewAt] = useState('');
  const [interviewPlace, setInterviewPlace] = useState('');
  const [trialStart, setTrialStart] = useState('');
  const [trialEnd, setTrialEnd] = useState('');
  const [declineReason, setDeclineReason] = useState<DeclineReason>('skills_mismatch');

  const form = useForm({
    fields: ['interviewAt', 'interviewPlace', 'trialStart', 'trialEnd', 'declineReason'],
    send: async () => {
      if (!target) return;
      const body: components['schemas']['TransitionRequest'] = { to: target };
      if (target === 'interview') {
        body.interviewAt = new Date(interviewAt).toISOString();
        body.interviewPlace = interviewPlace.trim();
      }
      if (target === 'trial') {
        body.trialStart = trialStart;
        body.trialEnd = trialEnd;
      }
      if (target === 'declined') body.declineReason = declineReason;
      const next = await ok(api.POST('/introductions/{id}/transitions', { params: { path: { id: view.id } }, body }));
      setTarget(null);
      onMoved(next);
    },
  });

  const choose = (status: IntroductionStatus) => {
    setTarget(status);
    form.setErrors({});
    form.setError(null);
  };

  return (
    <section className="card" aria-labelledby="intro-next">
      <h2 id="intro-next" style={{ marginTop: 0 }}>
        Étape suivante
      </h2>
      <div className="actions">
        {view.next.map((status) => (
          <Button
            key={status}
            variant={status === 'declined' || status === 'withdrawn' ? 'secondary' : 'primary'}
            aria-pressed={target === status}
            onPress={() => choose(status)}
          >
            {MOVE_LABELS[status]}
          </Button>
        ))}
      </div>
      {target && (
        <Form validationErrors={form.errors} onSubmit={form.submit} aria-labelledby="intro-move">
          <h3 id="intro-move">{MOVE_LABELS[target]}</h3>
          {form.error && <Alert>{form.error}</Alert>}
          {target === 'interview' && (
            <>
              {proposedInterview && <p className="muted">Proposition de l’employeur : « {proposedInterview} »</p>}
              <NativeDate
                label="Date et heure de l’entretien"
                name="interviewAt"
                type="datetime-local"
                value={interviewAt}
                onChange={setInterviewAt}
                isRequired
                error={form.errors.interviewAt}
              />
              <Field
                label="Lieu de l’entretien"
                name="interviewPlace"
                value={interviewPlace}
                onChange={setInterviewPlace}
                isRequired
                maxLength={300}
              />
            </>
          )}
          {target === 'trial' && (
            <>
              <NativeDate
                label="Début de l’immersion"
                name="trialStart"
                value={trialStart}
                onChange={setTrialStart}
                isRequired
                error={form.errors.trialStart}
              />
              <NativeDate
                label="Fin de l’immersion"
                name="trialEnd"
                value={trialEnd}
                onChange={setTrialEnd}
                isRequired
                error={form.errors.trialEnd}
              />
            </>
          )}
          {target === 'declined' && (
            <Choice
              label="Motif du refus"
              options={DECLINE_REASONS}
              value={declineReason}
              onChange={setDeclineReason}
            />
          )}
          {target === 'hired' && (
            <p className="muted">Vous pourrez ensuite enregistrer le contrat (type, durée, date de début).</p>
          )}
          {target === 'withdrawn' && (
            <p className="muted">La mise en relation sera close et les liens envoyés à l’employeur désactivés.</p>
          )}
          <div className="actions">
            <Button type="submit" variant={target === 'withdrawn' ? 'danger' : 'primary'} isDisabled={form.busy}>
              {form.busy ? 'Enregistrement…' : 'Confirmer'}
            </Button>
            <Button variant="secondary" onPress={() => setTarget(null)}>
              Annuler
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}
