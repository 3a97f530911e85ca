import { useMemo, useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';
import { Choice } from '../../ui/choice';
import { searchable } from '../../ui/forms';
import { Alert, Loading, PageTitle } from '../../ui/ui';
import { PortfolioTable } from './portfolio-table';
import { FIRST_SORT, type Sort, SORTS } from './portfolio-sorts';
import { usePortfolioData } from './use-portfolio-data';

/** The coach's portfolio: each person with contact, CER, stage, barriers and proposals; alerts first. */
export function PortfolioPage() {
  const [sort, setSort] = useState<Sort>(FIRST_SORT);
  const [search, setSearch] = useState('');
  const { data: items, error } = usePortfolioData(sort);
  const shown = useMemo(() => {
    // Accents and case aside: « leila » finds « Leïla », « helene » finds « Hélène ».
    const needle = searchable(search);
    return (items ?? []).filter((item) =>
      searchable(`${item.firstName ?? ''} ${item.lastName ?? ''} ${item.communeName ?? ''}`).includes(needle),
    );
  }, [items, search]);
  const alerts = (items ?? []).filter((item) => item.alerts.length > 0).length;

  return (
    <>
      <PageTitle title="Portefeuille">Mon portefeuille</PageTitle>
      {error && <Alert>{error}</Alert>}
      <div className="toolbar">
        <TextField value={search} onChange={setSearch} className="field">
          <Label>Rechercher une personne</Label>
          <Input placeholder="Nom, prénom ou commune" />
        </TextField>
        <Choice label="Trier par" options={SORTS} value={sort} onChange={setSort} />
      </div>
      {!items && !error && <Loading what="du portefeuille" />}
      {items && (
        <>
          <p className="summary" role="status">
            {items.length} personne{items.length > 1 ? 's' : ''} suivie{items.length > 1 ? 's' : ''}, dont {alerts} avec
            une alerte.
          </p>
          <PortfolioTable items={shown} />
          {shown.length === 0 && <p>Aucune personne ne correspond à la recherche.</p>}
        </>
      )}
    </>
  );
}
