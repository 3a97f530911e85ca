import { type FormEvent, useState } from 'react';
import { Form, Input, Label, Text, TextField } from 'react-aria-components';
import { Choice } from '../../ui/choice';
import { CONTRACT_LABELS, OFFER_CONTRACT_TYPES } from '../../ui/labels';
import { Button } from '../../ui/ui';
import type { ContractFilter, OffersSearch, StatusFilter } from './use-offers-data';

const CONTRACT_OPTIONS: ReadonlyArray<{ id: ContractFilter; label: string }> = [
  { id: 'all', label: 'Tous les contrats' },
  ...OFFER_CONTRACT_TYPES.map((id) => ({ id, label: CONTRACT_LABELS[id] ?? id })),
];
const STATUS_OPTIONS: ReadonlyArray<{ id: StatusFilter; label: string }> = [
  { id: 'open', label: 'Ouvertes' },
  { id: 'closed', label: 'Fermées' },
  { id: 'all', label: 'Toutes' },
];

/** The search form, filled with the search in force; a search starts on its first page. */
export function SearchForm({
  applied,
  onSearch,
}: {
  applied: OffersSearch;
  onSearch: (params: URLSearchParams) => void;
}) {
  const [words, setWords] = useState(applied.words);
  const [departement, setDepartement] = useState(applied.departement);
  const [contract, setContract] = useState<ContractFilter>(applied.contract);
  const [status, setStatus] = useState<StatusFilter>(applied.status);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (words.trim()) next.set('q', words.trim());
    if (departement.trim()) next.set('departement', departement.trim().toUpperCase());
    if (contract !== 'all') next.set('contrat', contract);
    if (status !== 'open') next.set('statut', status);
    onSearch(next);
  };

  return (
    <section aria-labelledby="offers-search">
      <h2 id="offers-search" className="visually-hidden">
        Rechercher des offres
      </h2>
      <Form onSubmit={search} className="toolbar" role="search" aria-label="Rechercher des offres">
        <TextField value={words} onChange={setWords} className="field">
          <Label>Mots-clés</Label>
          <Input placeholder="Poste, employeur, commune" />
          <Text slot="description" className="muted">
            Cherchés dans toutes les offres ouvertes
          </Text>
        </TextField>
        <TextField value={departement} onChange={setDepartement} className="field" maxLength={3}>
          <Label>Département</Label>
          <Input placeholder="ex. 59" size={6} />
          <Text slot="description" className="muted">
            Code (59, 2A, 971)
          </Text>
        </TextField>
        <Choice label="Contrat" options={CONTRACT_OPTIONS} value={contract} onChange={setContract} />
        <Choice label="Offres" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
        <div className="field">
          <Button type="submit">Rechercher</Button>
        </div>
      </Form>
    </section>
  );
}
