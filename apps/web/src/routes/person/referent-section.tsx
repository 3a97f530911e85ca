import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { api, describeError, ok } from '../../api/client';
import type { BeneficiaryFileResponse } from '../../api/types';
import {
  type AssignmentDraft,
  AssignmentFields,
  assignmentBody,
  assignmentDraftProblems,
  assignmentProblem,
  EMPTY_ASSIGNMENT,
} from '../../features/assignment/assignment-fields';
import { useCoachLoads } from '../../features/assignment/use-coach-loads';
import { Alert, Button, formatDate } from '../../ui/ui';

/**
 * The file's referent coach and who followed the person before (each assignment: by whom, when, and why above the
 * cap); a manager gives the person to a coach or transfers them from here.
 */
export function ReferentSection({
  file,
  canAssign,
  onAssigned,
}: {
  file: BeneficiaryFileResponse;
  canAssign: boolean;
  onAssigned: (message: string) => void;
}) {
  const { loads, error: loadsError, reload } = useCoachLoads(canAssign);
  const [draft, setDraft] = useState<AssignmentDraft>(EMPTY_ASSIGNMENT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const active = file.status === 'oriented' || file.status === 'in_coaching';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!draft.coachUserId) {
      setErrors({ coachUserId: 'Choisissez un·e conseiller·ère.' });
      return;
    }
    const problems = assignmentDraftProblems(draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await ok(
        api.POST('/beneficiaries/{id}/assignment', {
          params: { path: { id: file.id } },
          body: { coachUserId: draft.coachUserId, ...assignmentBody(draft) },
        }),
      );
      const name = loads?.coaches.find((coach) => coach.userId === draft.coachUserId)?.displayName ?? '';
      setDraft(EMPTY_ASSIGNMENT);
      reload();
      onAssigned(
        draft.capOverride
          ? `${file.firstName ?? 'La personne'} est confié·e à ${name}, au-delà du plafond (dérogation inscrite).`
          : `${file.firstName ?? 'La personne'} est confié·e à ${name}.`,
      );
    } catch (caught) {
      const problem = assignmentProblem(caught, loads, draft.coachUserId, 'coachUserId');
      if (problem) {
        setErrors(problem.byField);
        if (problem.offerOverride) setDraft((current) => ({ ...current, overrideOffered: true }));
      } else setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="referent">
      <h2 id="referent">Conseiller·ère référent·e</h2>
      <p>
        {file.referentName ? (
          <>
            Suivi·e par <strong>{file.referentName}</strong>
          </>
        ) : (
          'Aucun·e conseiller·ère pour le moment.'
        )}
      </p>
      {file.referents.length > 0 && (
        <details>
          <summary>Historique des affectations ({file.referents.length})</summary>
          <ul>
            {file.referents.map((referent) => (
              <li key={`${referent.coachUserId}-${String(referent.startedAt)}`}>
                {referent.coachName ?? 'compte supprimé'}, du {formatDate(String(referent.startedAt))}
                {referent.endedAt ? ` au ${formatDate(String(referent.endedAt))}` : ' à aujourd’hui'}
                {referent.assignedByName ? ` — affecté·e par ${referent.assignedByName}` : ''}
                {referent.capOverride && (
                  <>
                    {' '}
                    — <strong>dérogation au plafond</strong>
                    {referent.reason ? ` : « ${referent.reason} »` : ''}
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {canAssign && active && (
        <>
          {loadsError && <Alert>Charge des conseillers indisponible : {loadsError}</Alert>}
          {error && <Alert>{error}</Alert>}
          <Form
            onSubmit={(event) => void submit(event)}
            validationBehavior="aria"
            validationErrors={errors}
            aria-label={file.referentName ? 'Transférer à un·e autre conseiller·ère' : 'Affecter à un·e conseiller·ère'}
          >
            <AssignmentFields
              draft={draft}
              onChange={setDraft}
              loads={loads}
              errors={errors}
              setErrors={setErrors}
              coachField="coachUserId"
              coachLabel={file.referentName ? 'Transférer à' : 'Affecter à'}
              excludeUserId={file.referentUserId}
            />
            <div className="actions">
              <Button type="submit" variant="secondary" isDisabled={busy || !loads}>
                {draft.capOverride ? 'Affecter malgré le plafond' : file.referentName ? 'Transférer' : 'Affecter'}
              </Button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
