import { type FormEvent, useState } from 'react';
import { Form, Input, Label, TextArea, TextField } from 'react-aria-components';
import { api, describeError, ok } from '../../api/client';
import { saveDownload } from '../../api/download';
import type { BeneficiaryFileResponse, components } from '../../api/types';
import { Choice } from '../../ui/choice';
import { Alert, Button, formatDate, parisToday } from '../../ui/ui';
import type { PersonData } from './use-person-data';

type CerOutcome = components['schemas']['CerOutcomeRequest']['outcome'];

/** A textarea's lines, trimmed, without the empty ones. */
const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The CER in force; the referent records a signed one, then its outcome (a renewal keeps its commitments). */
export function CerSection({
  file,
  canWrite,
  act,
}: {
  file: BeneficiaryFileResponse;
  canWrite: boolean;
  act: PersonData['act'];
}) {
  const id = file.id;
  const today = parisToday();
  const [cerSigned, setCerSigned] = useState(today);
  const [cerPerson, setCerPerson] = useState('Participer aux rendez-vous\nRechercher activement un emploi');
  const [cerService, setCerService] = useState('Proposer des offres adaptées\nAccompagner les démarches');
  const [outcome, setOutcome] = useState<CerOutcome>('renewed');
  const [outcomeOn, setOutcomeOn] = useState(today);
  const currentCer = file.cers.at(-1);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const downloadCer = (cerId: string, startDate: string) => {
    setDownloadError(null);
    void saveDownload(
      api.GET('/beneficiaries/{id}/cers/{cerId}/pdf', { params: { path: { id, cerId } }, parseAs: 'blob' }),
      `contrat-engagements-${startDate}.pdf`,
    ).catch((caught: unknown) => setDownloadError(describeError(caught)));
  };

  const signCer = (event: FormEvent) => {
    event.preventDefault();
    void act('CER enregistré.', () =>
      ok(
        api.POST('/beneficiaries/{id}/cers', {
          params: { path: { id } },
          body: {
            signedOn: cerSigned,
            startDate: cerSigned,
            beneficiaryCommitments: lines(cerPerson),
            serviceCommitments: lines(cerService),
          },
        }),
      ),
    );
  };

  const closeCer = (event: FormEvent, cerId: string) => {
    event.preventDefault();
    void act('Issue du CER enregistrée.', () =>
      ok(
        api.POST('/beneficiaries/{id}/cers/{cerId}/outcome', {
          params: { path: { id, cerId } },
          body: {
            outcome,
            on: outcomeOn,
            // The outcome says why the CER ended (exit_job, exit_training); a renewal keeps the commitments in force.
            ...(outcome === 'renewed' && currentCer
              ? {
                  renewal: {
                    beneficiaryCommitments: [...currentCer.beneficiaryCommitments],
                    serviceCommitments: [...currentCer.serviceCommitments],
                  },
                }
              : {}),
          },
        }),
      ),
    );
  };

  return (
    <section className="card" aria-labelledby="cer">
      <h2 id="cer">Contrat d’engagements réciproques</h2>
      {currentCer ? (
        <dl className="facts">
          <dt>Signé le</dt>
          <dd>{formatDate(currentCer.signedOn)}</dd>
          <dt>Période</dt>
          <dd>
            du {formatDate(currentCer.startDate)} au {formatDate(currentCer.endDate)} ({currentCer.durationMonths} mois)
          </dd>
          <dt>Engagements de la personne</dt>
          <dd>{currentCer.beneficiaryCommitments.join(' ; ') || '—'}</dd>
          <dt>Engagements du service</dt>
          <dd>{currentCer.serviceCommitments.join(' ; ') || '—'}</dd>
        </dl>
      ) : (
        <p>Pas encore de CER signé.</p>
      )}
      {currentCer && (
        <p>
          <Button variant="secondary" onPress={() => downloadCer(currentCer.id, currentCer.startDate)}>
            Télécharger le CER (PDF)
          </Button>
        </p>
      )}
      {downloadError && <Alert>{downloadError}</Alert>}
      {canWrite &&
        (!currentCer || currentCer.outcome !== null) &&
        (file.status === 'oriented' || file.status === 'in_coaching') && (
          <Form onSubmit={signCer} aria-label="Enregistrer un CER signé">
            <TextField
              value={cerSigned}
              onChange={setCerSigned}
              type="date"
              className="field"
              isRequired
              name="signedOn"
            >
              <Label>Signé le (début du contrat)</Label>
              <Input />
            </TextField>
            <TextField
              value={cerPerson}
              onChange={setCerPerson}
              className="field"
              isRequired
              name="beneficiaryCommitments"
            >
              <Label>Engagements de la personne (un par ligne)</Label>
              <TextArea rows={2} />
            </TextField>
            <TextField
              value={cerService}
              onChange={setCerService}
              className="field"
              isRequired
              name="serviceCommitments"
            >
              <Label>Engagements du service (un par ligne)</Label>
              <TextArea rows={2} />
            </TextField>
            <Button type="submit" variant="secondary">
              Enregistrer le CER
            </Button>
          </Form>
        )}
      {canWrite && currentCer && currentCer.outcome === null && (
        <Form onSubmit={(event) => closeCer(event, currentCer.id)} aria-label="Issue du CER">
          <Choice
            label="Issue du CER"
            options={[
              { id: 'renewed', label: 'Renouvelé (mêmes engagements)' },
              { id: 'exit_job', label: 'Sortie vers l’emploi' },
              { id: 'exit_training', label: 'Sortie vers une formation' },
              { id: 'exit_other', label: 'Autre sortie' },
            ]}
            value={outcome}
            onChange={setOutcome}
          />
          <TextField value={outcomeOn} onChange={setOutcomeOn} type="date" className="field" isRequired name="on">
            <Label>Le</Label>
            <Input />
          </TextField>
          <Button type="submit" variant="secondary">
            Enregistrer l’issue
          </Button>
        </Form>
      )}
    </section>
  );
}
