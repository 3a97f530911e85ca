import { useEffect, useState } from 'react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { api } from '../api/client';
import type { ReferentialSuggestion } from '../api/types';

/** What a picker keeps of a referential suggestion, whatever its kind. */
export type Suggestion = Pick<ReferentialSuggestion, 'code' | 'label'>;

type Kind = 'skills' | 'occupations';

/** Suggestions from the referential as the user types (two letters at least; earlier requests cancelled). */
export function useReferentialSuggestions(
  kind: Kind,
  text: string,
  enabled = true,
): { items: Suggestion[]; searching: boolean } {
  const [items, setItems] = useState<Suggestion[]>([]);
  const [searching, setSearching] = useState(false);
  useEffect(() => {
    if (!enabled || text.trim().length < 2) {
      setItems([]);
      setSearching(false);
      return;
    }
    const controller = new AbortController();
    setSearching(true);
    api
      .GET('/referential/{kind}', {
        params: { path: { kind }, query: { q: text.trim(), limit: 8 } },
        signal: controller.signal,
      })
      .then(({ data }) => {
        setItems(data ?? []);
        setSearching(false);
      })
      .catch(() => {
        // A cancelled request is replaced by the next one; a failed one ends the search with no suggestion.
        if (!controller.signal.aborted) setSearching(false);
      });
    return () => controller.abort();
  }, [kind, text, enabled]);
  return { items, searching };
}

/** Adds a referential entry (a skill, an occupation) to a list: a ComboBox that empties itself once one is picked. */
export function ReferentialAdder({
  kind,
  label,
  description,
  onPick,
}: {
  kind: Kind;
  label: string;
  description?: string;
  onPick: (suggestion: Suggestion) => void;
}) {
  const [text, setText] = useState('');
  const { items, searching } = useReferentialSuggestions(kind, text);
  return (
    <ComboBox
      inputValue={text}
      onInputChange={setText}
      items={items}
      onSelectionChange={(key) => {
        const picked = items.find((item) => item.code === key);
        if (picked) {
          onPick(picked);
          setText('');
        }
      }}
      allowsEmptyCollection
      menuTrigger="input"
      className="field"
    >
      <Label>{label}</Label>
      <Input />
      {description && (
        <Text slot="description" className="muted">
          {description}
        </Text>
      )}
      <Popover>
        <ListBox
          renderEmptyState={() => (
            <span className="muted" style={{ display: 'block', padding: '0.4rem 0.7rem' }}>
              {text.trim().length < 2 ? 'Tapez au moins deux lettres.' : searching ? 'Recherche…' : 'Aucun résultat.'}
            </span>
          )}
        >
          {(item: Suggestion) => (
            <ListBoxItem id={item.code} textValue={item.label}>
              {item.label} <span className="muted">({item.code})</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
