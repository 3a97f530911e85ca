import type { Structure } from '../../features/structures/structures';
import { Scroll } from '../../ui/forms';
import { formatDate, Loading } from '../../ui/ui';
import { KIND_LABELS } from './admin-labels';
import { CreateStructureForm } from './create-structure-form';

/** The structures, with their type and parent, and a new one. */
export function StructuresSection({
  structures,
  failed,
  onCreated,
}: {
  structures: Structure[] | null;
  /** The list could not be read (the page says why): no endless "loading". */
  failed: boolean;
  onCreated: () => void;
}) {
  const name = (id: string | null) => (id ? (structures?.find((structure) => structure.id === id)?.name ?? '—') : '—');
  return (
    <section aria-labelledby="structures">
      <h2 id="structures">Structures</h2>
      {!structures && !failed && <Loading what="des structures" />}
      {!structures && failed && <p>La liste des structures n’a pas pu être chargée.</p>}
      {structures && structures.length === 0 && <p>Aucune structure pour le moment.</p>}
      {structures && structures.length > 0 && (
        <Scroll label="Tableau des structures">
          <table className="data-table">
            <caption className="visually-hidden">Structures</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Type</th>
                <th scope="col">Structure parente</th>
                <th scope="col">Créée le</th>
              </tr>
            </thead>
            <tbody>
              {structures.map((structure) => (
                <tr key={structure.id}>
                  <th scope="row">{structure.name}</th>
                  <td>{KIND_LABELS[structure.kind] ?? structure.kind}</td>
                  <td>{name(structure.parentId)}</td>
                  <td>{formatDate(structure.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
      <CreateStructureForm structures={structures ?? []} onCreated={onCreated} />
    </section>
  );
}
