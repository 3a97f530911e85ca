import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Form, Input, Label, TextArea, TextField } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { api, ApiError, describeError, ok } from '../api/client';
import type { components } from '../api/schema';
import type { BeneficiaryFile } from '../api/types';
import { hasRole, useAuth } from '../auth/auth';
import { Choice, TagList } from '../ui/forms';
import { ReferentSection } from './referent-section';
import { ClosureForm } from './closure-form';
import { AidSection, BarriersSection, JournalSection } from './coaching-sections';
import { JobsSection } from './jobs-section';
import { CONSTRAINT_LABELS, DiagnosticEditor, LANGUAGE_NAMES, WORKING_TIME_LABELS } from './diagnostic-editor';
import { CONTRACT_LABELS } from '../ui/labels';
import { Alert, Badge, Button, formatDate, Loading, PageTitle, parisToday } from '../ui/ui';

type CerOutcome = components['schemas']['CerOutcomeRequest']['outcome'];

const CONSENTS: Record<string, string> = {
  share_profile_with_employers: 'Partager sa fiche avec des employeurs',
  photo: 'Photo sur la fiche',
};
const STATUS_LABELS: Record<string, string> = {
  oriented: 'orienté·e',
  in_coaching: 'en accompagnement',
  ended: 'accompagnement terminé',
  reoriented: 'réorienté·e',
};

/** A person's file: identity, diagnostic, barriers, CER, journal, consents, proposals, CV, export. */
export function PersonPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const [file, setFile] = useState<BeneficiaryFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const today = parisToday();
  const [cvPlatform, setCvPlatform] = useState('nordemploi');
  const [cvOn, setCvOn] = useState(today);
  const [photoVersion, setPhotoVersion] = useState(0);
  const [cerSigned, setCerSigned] = useState(today);
  const [cerPerson, setCerPerson] = useState('Participer aux rendez-vous\nRechercher activement un emploi');
  const [cerService, setCerService] = useState('Proposer des offres adaptées\nAccompagner les démarches');
  const [outcome, setOutcome] = useState<CerOutcome>('renewed');
  const [outcomeOn, setOutcomeOn] = useState(today);
  const [photoUrl, setPhotoUrl] = useState<string | null>(null);
  const [editingDiagnostic, setEditingDiagnostic] = useState(false);
  const canWrite = hasRole(user, 'coach') && file?.referentUserId === user?.id;

  const load = useCallback(
    () =>
      ok<BeneficiaryFile>(api.GET('/beneficiaries/{id}', { params: { path: { id } } }))
        .then(setFile)
        .catch((caught: unknown) => setError(describeError(caught))),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);
  // The photo comes through the API with the session's token, shown from an object URL.
  useEffect(() => {
    let url: string | null = null;
    api
      .GET('/beneficiaries/{id}/photo', { params: { path: { id } }, parseAs: 'blob' })
      .then(({ data, response }) => {
        if (response.ok && data) {
          url = URL.createObjectURL(data);
          setPhotoUrl(url);
        } else setPhotoUrl(null);
      })
      .catch(() => setPhotoUrl(null));
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [id, photoVersion]);

  // One change at a time: a second click while the first is on its way sends nothing.
  const busy = useRef(false);
  const act = async (what: string, call: () => Promise<unknown>) => {
    if (busy.current) return;
    busy.current = true;
    setError(null);
    setNotice(null);
    try {
      await call();
      await load();
      setNotice(what);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      busy.current = false;
    }
  };

  if (error && !file) return <Alert>{error}</Alert>;
  if (!file) return <Loading what="du dossier" />;
  const diagnostic = file.diagnostic;
  const currentCer = file.cers.at(-1);
  const label = (code: string) => (file.labels[code] ? `${file.labels[code]} (${code})` : code);
  const consent = (purpose: string) =>
    file.consents.find((entry) => entry.purpose === purpose && entry.revokedAt === null);

  const lines = (text: string): string[] =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);

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

  const recordCv = (event: FormEvent) => {
    event.preventDefault();
    void act('Dépôt du CV enregistré.', () =>
      ok(
        api.PATCH('/beneficiaries/{id}', {
          params: { path: { id } },
          body: { cvPlatform, cvDepositedOn: cvOn } as never,
        }),
      ),
    );
  };

  const uploadPhoto = (chosen: File | undefined) => {
    if (!chosen) return;
    const form = new FormData();
    form.append('photo', chosen);
    void act('Photo enregistrée (sans ses métadonnées).', () =>
      ok(
        api.PUT('/beneficiaries/{id}/photo', {
          params: { path: { id } },
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      ).then(() => setPhotoVersion((version) => version + 1)),
    );
  };

  const download = async () => {
    const data = await ok<unknown>(api.GET('/beneficiaries/{id}/export', { params: { path: { id } } }));
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `dossier-${file.lastName ?? 'anonyme'}-${file.firstName ?? ''}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };

  /** The same export in French, readable by the person (labels, not codes). */
  const downloadReadable = async () => {
    const { data, response } = await api.GET('/beneficiaries/{id}/export.txt', {
      params: { path: { id } },
      parseAs: 'blob',
    });
    if (!response.ok || !data) throw new ApiError(response.status, null, response.statusText);
    const url = URL.createObjectURL(data);
    const link = document.createElement('a');
    link.href = url;
    link.download = `dossier-${file.lastName ?? 'anonyme'}-${file.firstName ?? ''}.txt`;
    link.click();
    URL.revokeObjectURL(url);
  };
  const changed = async (message: string) => {
    await load();
    setError(null);
    setNotice(message);
  };

  return (
    <>
      <p>
        <Link to="/portefeuille">← Portefeuille</Link>
      </p>
      <PageTitle title={`${file.firstName ?? ''} ${file.lastName ?? ''}`}>
        {file.firstName} {file.lastName}
      </PageTitle>
      <p>
        <Badge>{STATUS_LABELS[file.status] ?? file.status}</Badge> {file.communeName} · orienté·e le{' '}
        {formatDate(file.orientationDate)}
      </p>
      {error && <Alert>{error}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      <div className="actions">
        {diagnostic && (
          <Link className="button button-primary" to={`/personnes/${id}/offres`}>
            Voir les offres correspondantes
          </Link>
        )}
        {canWrite && (
          <Button
            variant="secondary"
            onPress={() => void download().catch((caught: unknown) => setError(describeError(caught)))}
          >
            Exporter le dossier (JSON)
          </Button>
        )}
        {canWrite && (
          <Button
            variant="secondary"
            onPress={() => void downloadReadable().catch((caught: unknown) => setError(describeError(caught)))}
          >
            Exporter le dossier (lisible)
          </Button>
        )}
      </div>

      <div className="grid">
        <ReferentSection
          file={file}
          canAssign={hasRole(user, 'manager')}
          onAssigned={(message) => {
            setError(null);
            setNotice(message);
            void load();
          }}
        />
        <section className="card" aria-labelledby="contact">
          <h2 id="contact">Coordonnées</h2>
          <dl className="facts">
            <dt>E-mail</dt>
            <dd>{file.email ?? '—'}</dd>
            <dt>Téléphone</dt>
            <dd>{file.phone ?? '—'}</dd>
            <dt>Adresse</dt>
            <dd>
              {file.address ?? '—'} {file.postalCode} {file.communeName}
            </dd>
            <dt>CV sur la plateforme</dt>
            <dd>
              {file.cvDepositedOn
                ? `${file.cvPlatform ?? ''}, déposé le ${formatDate(file.cvDepositedOn)}`
                : 'non déposé'}
            </dd>
          </dl>
          {canWrite && !file.cvDepositedOn && (
            <Form onSubmit={recordCv} aria-label="Enregistrer le dépôt du CV" className="toolbar">
              <Choice
                label="Plateforme"
                options={[
                  { id: 'nordemploi', label: 'Nordemploi' },
                  { id: 'job_connexion', label: 'Job Connexion' },
                  { id: 'france_travail', label: 'France Travail' },
                  { id: 'other', label: 'Autre' },
                ]}
                value={cvPlatform}
                onChange={setCvPlatform}
              />
              <TextField value={cvOn} onChange={setCvOn} type="date" className="field" isRequired name="cvDepositedOn">
                <Label>Déposé le</Label>
                <Input />
              </TextField>
              <Button type="submit" variant="secondary">
                Enregistrer le dépôt
              </Button>
            </Form>
          )}
          <h3>Photo pour la fiche employeur</h3>
          {photoUrl ? (
            <img
              src={photoUrl}
              alt={`Photo de ${file.firstName ?? 'la personne'}`}
              width={96}
              height={96}
              style={{ objectFit: 'cover', borderRadius: '50%' }}
            />
          ) : (
            <p className="muted">Pas de photo.</p>
          )}
          {canWrite &&
            (consent('photo') ? (
              <div className="field">
                <label htmlFor="photo-file">Choisir une photo (JPEG ou PNG, 5 Mo au plus)</label>
                <input
                  id="photo-file"
                  type="file"
                  accept="image/jpeg,image/png"
                  onChange={(event) => uploadPhoto(event.target.files?.[0])}
                />
              </div>
            ) : (
              <p className="muted">Une photo demande d’abord le consentement « Photo sur la fiche ».</p>
            ))}
        </section>

        <section className="card" aria-labelledby="cer">
          <h2 id="cer">Contrat d’engagements réciproques</h2>
          {currentCer ? (
            <dl className="facts">
              <dt>Signé le</dt>
              <dd>{formatDate(currentCer.signedOn)}</dd>
              <dt>Période</dt>
              <dd>
                du {formatDate(currentCer.startDate)} au {formatDate(currentCer.endDate)} ({currentCer.durationMonths}{' '}
                mois)
              </dd>
              <dt>Engagements de la personne</dt>
              <dd>{currentCer.beneficiaryCommitments.join(' ; ') || '—'}</dd>
              <dt>Engagements du service</dt>
              <dd>{currentCer.serviceCommitments.join(' ; ') || '—'}</dd>
            </dl>
          ) : (
            <p>Pas encore de CER signé.</p>
          )}
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
      </div>

      <section className="card" aria-labelledby="diagnostic">
        <h2 id="diagnostic">Diagnostic</h2>
        {editingDiagnostic ? (
          <DiagnosticEditor
            id={id}
            file={file}
            onCancel={() => setEditingDiagnostic(false)}
            onSaved={() =>
              // The file as saved (with the new codes' labels) replaces the form, then the notice says so.
              void load().then(() => {
                setEditingDiagnostic(false);
                setNotice('Diagnostic enregistré.');
              })
            }
          />
        ) : (
          <>
            {!diagnostic ? (
              <p>Le diagnostic n’est pas encore renseigné.</p>
            ) : (
              <div className="grid">
                <div>
                  <h3>Expériences</h3>
                  {diagnostic.experiences.length === 0 ? (
                    <p className="muted">Aucune.</p>
                  ) : (
                    <ul>
                      {diagnostic.experiences.map((experience, index) => (
                        <li key={index}>
                          {experience.jobTitle ?? label(experience.romeCode ?? '')} — {experience.months} mois
                        </li>
                      ))}
                    </ul>
                  )}
                  <h3>Compétences déclarées</h3>
                  <TagList items={diagnostic.skills.map((skill) => label(skill.code))} label="Compétences déclarées" />
                </div>
                <div>
                  <h3>Projet et contraintes</h3>
                  <dl className="facts">
                    <dt>Métiers visés</dt>
                    <dd>{diagnostic.desiredOccupations.map(label).join(', ') || '—'}</dd>
                    <dt>Contrats</dt>
                    <dd>{diagnostic.contractTypes.map((type) => CONTRACT_LABELS[type] ?? type).join(', ')}</dd>
                    <dt>Temps de travail</dt>
                    <dd>{WORKING_TIME_LABELS[diagnostic.workingTime]}</dd>
                    <dt>Mobilité</dt>
                    <dd>
                      {diagnostic.maxDistanceKm} km{diagnostic.drivingLicence ? ', permis B' : ', sans permis'}
                      {diagnostic.vehicle ? ', véhiculé·e' : ''}
                    </dd>
                    <dt>Horaires impossibles</dt>
                    <dd>
                      {diagnostic.constraints.map((constraint) => CONSTRAINT_LABELS[constraint]).join(', ') || 'aucun'}
                    </dd>
                    <dt>Langues</dt>
                    <dd>
                      {diagnostic.languages
                        .map(
                          (entry) =>
                            `${LANGUAGE_NAMES[entry.code] ?? entry.code} (${entry.level === 'native' ? 'maternelle' : entry.level})`,
                        )
                        .join(', ') || '—'}
                    </dd>
                    <dt>Disponible</dt>
                    <dd>{diagnostic.availabilityDate ? formatDate(diagnostic.availabilityDate) : 'non précisé'}</dd>
                  </dl>
                </div>
              </div>
            )}
            {canWrite && (
              <div className="actions">
                <Button variant="secondary" onPress={() => setEditingDiagnostic(true)}>
                  {diagnostic ? 'Modifier le diagnostic' : 'Renseigner le diagnostic'}
                </Button>
              </div>
            )}
          </>
        )}
      </section>

      <div className="grid">
        <BarriersSection id={id} file={file} canWrite={canWrite} userId={user?.id ?? null} onChanged={changed} />

        <section className="card" aria-labelledby="consents">
          <h2 id="consents">Consentements</h2>
          <ul>
            {Object.entries(CONSENTS).map(([purpose, label]) => {
              const current = consent(purpose);
              return (
                <li key={purpose}>
                  {label} : {current ? `donné le ${formatDate(current.grantedAt)}` : 'non donné'}{' '}
                  {canWrite &&
                    (current ? (
                      <Button
                        variant="secondary"
                        onPress={() =>
                          void act('Consentement retiré.', () =>
                            ok(
                              api.DELETE('/beneficiaries/{id}/consents/{purpose}', {
                                params: { path: { id, purpose: purpose as never } },
                              }),
                            ),
                          )
                        }
                      >
                        Retirer
                      </Button>
                    ) : (
                      <Button
                        variant="secondary"
                        onPress={() =>
                          void act('Consentement enregistré.', () =>
                            ok(
                              api.POST('/beneficiaries/{id}/consents', {
                                params: { path: { id } },
                                body: { purpose: purpose as never },
                              }),
                            ),
                          )
                        }
                      >
                        Enregistrer
                      </Button>
                    ))}
                </li>
              );
            })}
          </ul>
        </section>
      </div>

      <section className="card" aria-labelledby="proposals">
        <h2 id="proposals">Offres proposées</h2>
        {file.proposals.length === 0 ? (
          <p>Aucune offre proposée pour l’instant.</p>
        ) : (
          <ul>
            {file.proposals.map((proposal) => (
              <li key={proposal.offerId}>
                <Link to={`/offres/${proposal.offerId}`}>{proposal.title}</Link> —{' '}
                {proposal.employerName ?? 'employeur non précisé'}, {proposal.communeName} (proposée le{' '}
                {formatDate(proposal.proposedAt)}
                {proposal.score !== null ? `, score ${proposal.score}` : ''})
              </li>
            ))}
          </ul>
        )}
      </section>

      <JobsSection beneficiaryId={id} canWrite={canWrite} onChanged={setNotice} />

      <JournalSection id={id} file={file} canWrite={canWrite} userId={user?.id ?? null} onChanged={changed} />

      <AidSection id={id} file={file} canWrite={canWrite} userId={user?.id ?? null} onChanged={changed} />

      {canWrite && (file.status === 'oriented' || file.status === 'in_coaching') && (
        <details className="card">
          <summary>
            <h2 style={{ display: 'inline', fontSize: '1.1rem' }}>Terminer l’accompagnement</h2>
          </summary>
          <ClosureForm
            id={id}
            onClosed={async (message) => {
              await load();
              setNotice(message);
            }}
          />
        </details>
      )}
    </>
  );
}
