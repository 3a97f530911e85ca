import { useState } from 'react';
import type { BeneficiaryFileResponse } from '../../api/types';
import { TagList } from '../../ui/forms';
import { CONTRACT_LABELS } from '../../ui/labels';
import { Button, formatDate } from '../../ui/ui';
import { DiagnosticEditor } from './diagnostic-editor';
import { CONSTRAINT_LABELS, LANGUAGE_NAMES, WORKING_TIME_WORDS } from './diagnostic-labels';

/** The diagnostic read with the referential's labels; the referent edits it as a whole. */
export function DiagnosticSection({
  file,
  canWrite,
  onSaved,
}: {
  file: BeneficiaryFileResponse;
  canWrite: boolean;
  /** Reads the file again (with the new codes' labels), then says the diagnostic is saved. */
  onSaved: () => Promise<void>;
}) {
  const id = file.id;
  const [editingDiagnostic, setEditingDiagnostic] = useState(false);
  const diagnostic = file.diagnostic;
  const label = (code: string) => (file.labels[code] ? `${file.labels[code]} (${code})` : code);
  return (
    <section className="card" aria-labelledby="diagnostic">
      <h2 id="diagnostic">Diagnostic</h2>
      {editingDiagnostic ? (
        <DiagnosticEditor
          id={id}
          file={file}
          onCancel={() => setEditingDiagnostic(false)}
          onSaved={() =>
            // The file as saved (with the new codes' labels) replaces the form, then the notice says so.
            void onSaved().then(() => setEditingDiagnostic(false))
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
                  <dd>{WORKING_TIME_WORDS[diagnostic.workingTime]}</dd>
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
                  <dt>Certificats et habilitations</dt>
                  <dd>{(diagnostic.certificates ?? []).join(', ') || 'aucun'}</dd>
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
  );
}
