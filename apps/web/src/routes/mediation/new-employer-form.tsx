import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { EmployerResponse } from '../../api/types';
import { api, ok } from '../../api/client';
import { Choice } from '../../ui/choice';
import { Field } from '../../ui/forms';
import { useForm } from '../../ui/use-form';
import { Alert, Button } from '../../ui/ui';
import { SIZE_BANDS, type SizeBand } from './employer-labels';

/** A new employer of the user's structure: name, SIRET, sector, size and commune. */
export function NewEmployerForm({ onCreated }: { onCreated: (employer: EmployerResponse) => void }) {
  const [siret, setSiret] = useState('');
  const [name, setName] = useState('');
  const [sector, setSector] = useState('');
  const [sizeBand, setSizeBand] = useState<SizeBand>('unknown');
  const [insee, setInsee] = useState('');
  const form = useForm({
    fields: ['siret', 'name', 'sector', 'sizeBand', 'commune'],
    send: async () => {
      const employer = await ok(
        api.POST('/employers', {
          body: {
            name: name.trim(),
            ...(siret.trim() ? { siret: siret.replace(/\s/g, '') } : {}),
            ...(sector.trim() ? { sector: sector.trim() } : {}),
            ...(sizeBand !== 'unknown' ? { sizeBand } : {}),
            commune: { inseeCode: insee.trim().toUpperCase() },
          },
        }),
      );
      onCreated(employer);
    },
  });

  return (
    <div id="new-employer" className="card">
      <h3 style={{ marginTop: 0 }}>Nouvel employeur</h3>
      {form.error && <Alert>{form.error}</Alert>}
      <Form validationErrors={form.errors} onSubmit={form.submit} aria-label="Nouvel employeur">
        <div className="grid">
          <div>
            <Field label="Raison sociale" name="name" value={name} onChange={setName} isRequired maxLength={200} />
            <Field
              label="SIRET"
              name="siret"
              value={siret}
              onChange={setSiret}
              description="Facultatif ; 14 chiffres"
              inputMode="numeric"
              maxLength={17}
            />
            <Field label="Secteur d’activité" name="sector" value={sector} onChange={setSector} maxLength={200} />
          </div>
          <div>
            <Choice label="Effectif" options={SIZE_BANDS} value={sizeBand} onChange={setSizeBand} />
            <Field
              label="Code INSEE de la commune"
              name="commune"
              value={insee}
              onChange={setInsee}
              isRequired
              description="ex. 59350 pour Lille"
              maxLength={5}
            />
          </div>
        </div>
        <div className="actions">
          <Button type="submit" isDisabled={form.busy}>
            {form.busy ? 'Enregistrement…' : 'Enregistrer l’employeur'}
          </Button>
        </div>
      </Form>
    </div>
  );
}
