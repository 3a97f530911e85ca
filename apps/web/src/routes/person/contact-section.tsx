import { type FormEvent, useState } from 'react';
import { Form, Input, Label, TextField } from 'react-aria-components';
import { api, ok } from '../../api/client';
import type { BeneficiaryFileResponse } from '../../api/types';
import { Choice } from '../../ui/choice';
import { Button, formatDate, parisToday } from '../../ui/ui';
import { activeConsent } from './section-rules';
import type { PersonData } from './use-person-data';

/** Contact details, the CV deposited on a platform, and the photo for the employer's card (with its consent). */
export function ContactSection({
  file,
  canWrite,
  act,
  photoUrl,
  onPhotoChanged,
}: {
  file: BeneficiaryFileResponse;
  canWrite: boolean;
  act: PersonData['act'];
  photoUrl: string | null;
  onPhotoChanged: () => void;
}) {
  const [cvPlatform, setCvPlatform] = useState<NonNullable<BeneficiaryFileResponse['cvPlatform']>>('nordemploi');
  const [cvOn, setCvOn] = useState(parisToday);
  const id = file.id;

  const recordCv = (event: FormEvent) => {
    event.preventDefault();
    void act('Dépôt du CV enregistré.', () =>
      ok(
        api.PATCH('/beneficiaries/{id}', {
          params: { path: { id } },
          body: { cvPlatform, cvDepositedOn: cvOn },
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
          body: form,
        }),
      ).then(onPhotoChanged),
    );
  };

  return (
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
          {file.cvDepositedOn ? `${file.cvPlatform ?? ''}, déposé le ${formatDate(file.cvDepositedOn)}` : 'non déposé'}
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
        (activeConsent(file, 'photo') ? (
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
  );
}
