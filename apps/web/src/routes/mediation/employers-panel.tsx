import { useState } from 'react';
import { Form, Input, Label, TextField } from 'react-aria-components';
import { Alert, Button, Loading } from '../../ui/ui';
import { EmployerDetail } from './employer-detail';
import { SIZE_BANDS } from './employer-labels';
import { NewEmployerForm } from './new-employer-form';
import { Toggle } from '../../features/employers/toggled-form';
import { useEmployers } from './use-mediation-data';

/** The employers: a search, a new one, and each one's contacts, exchanges and job analyses on demand. */
export function EmployersPanel({ onLogged }: { onLogged: () => void }) {
  const [query, setQuery] = useState('');
  const [applied, setApplied] = useState('');
  const { data: items, error, setData: setItems } = useEmployers(applied);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <section aria-labelledby="employers-title">
      <h2 id="employers-title">Employeurs</h2>
      <div className="toolbar">
        <Form
          role="search"
          aria-label="Rechercher un employeur"
          onSubmit={(event) => {
            event.preventDefault();
            setApplied(query);
          }}
          style={{ display: 'flex', flexWrap: 'wrap', gap: '0 1rem', alignItems: 'flex-end' }}
        >
          <TextField value={query} onChange={setQuery} className="field" maxLength={100}>
            <Label>Rechercher un employeur</Label>
            <Input placeholder="Nom ou SIRET" />
          </TextField>
          <div className="field">
            <Button type="submit" variant="secondary">
              Rechercher
            </Button>
          </div>
        </Form>
        <div className="field">
          <Toggle open={creating} onChange={setCreating} controls="new-employer">
            {creating ? 'Fermer le formulaire' : 'Nouvel employeur'}
          </Toggle>
        </div>
      </div>
      {creating && (
        <NewEmployerForm
          onCreated={(employer) => {
            setCreating(false);
            setItems((previous) => [employer, ...(previous ?? []).filter((item) => item.id !== employer.id)]);
            setOpenId(employer.id);
          }}
        />
      )}
      {error && <Alert>{error}</Alert>}
      {!items && !error && <Loading what="des employeurs" />}
      {items && items.length === 0 && <p>Aucun employeur{applied ? ' ne correspond à la recherche' : ''}.</p>}
      {items && items.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((employer) => (
            <li key={employer.id} className="card">
              <h3 style={{ marginTop: 0 }}>{employer.name}</h3>
              <p className="muted" style={{ margin: '0 0 0.5rem' }}>
                {[
                  employer.sector,
                  employer.sizeBand ? SIZE_BANDS.find((band) => band.id === employer.sizeBand)?.label : null,
                  employer.communeName,
                  employer.siret ? `SIRET ${employer.siret}` : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <Toggle
                open={openId === employer.id}
                onChange={(open) => setOpenId(open ? employer.id : null)}
                controls={`employer-${employer.id}`}
              >
                {openId === employer.id ? 'Fermer la fiche' : 'Contacts et échanges'}
                <span className="visually-hidden"> : {employer.name}</span>
              </Toggle>
              {openId === employer.id && (
                <div id={`employer-${employer.id}`}>
                  <EmployerDetail employerId={employer.id} onLogged={onLogged} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
