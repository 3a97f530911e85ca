import { ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { type Suggestion, useReferentialSuggestions } from '../../ui/referential';

export type Occupation = Suggestion;

const occupationText = (occupation: Occupation): string => `${occupation.label} (${occupation.code})`;

/**
 * The job's ROME occupation: a react-aria ComboBox fed by the referential as the user types; a code typed as is
 * (D1106) is taken too. Shows its form's error for `name`.
 */
export function OccupationField({
  name,
  text,
  picked,
  onTextChange,
  onPick,
}: {
  name: string;
  text: string;
  picked: Occupation | null;
  onTextChange: (text: string) => void;
  onPick: (occupation: Occupation | null) => void;
}) {
  const showsPicked = picked !== null && text === occupationText(picked);
  const { items: found, searching } = useReferentialSuggestions('occupations', text, !showsPicked);
  // The picked occupation stays among the items, or the ComboBox would lose it.
  const items = picked && !found.some((item) => item.code === picked.code) ? [picked, ...found] : found;

  return (
    <ComboBox
      name={name}
      inputValue={text}
      onInputChange={(value) => {
        onTextChange(value);
        if (picked && value !== occupationText(picked)) onPick(null);
      }}
      selectedKey={picked?.code ?? null}
      onSelectionChange={(key) => {
        const occupation = items.find((item) => item.code === key) ?? null;
        onPick(occupation);
        if (occupation) onTextChange(occupationText(occupation));
      }}
      items={items}
      allowsCustomValue
      // Open as the user types, before the suggestions arrive (a pasted text too); the list says what it waits for.
      allowsEmptyCollection
      menuTrigger="input"
      className="field"
    >
      <Label>Métier (code ROME)</Label>
      <Input />
      <Text slot="description" className="muted">
        Facultatif ; tapez un métier et choisissez-le, ou un code ROME (ex. D1106)
      </Text>
      <FieldError />
      <Popover>
        <ListBox
          renderEmptyState={() => (
            <span className="muted" style={{ display: 'block', padding: '0.4rem 0.7rem' }}>
              {text.trim().length < 2
                ? 'Tapez au moins deux lettres.'
                : searching
                  ? 'Recherche…'
                  : 'Aucun métier trouvé ; un code ROME (ex. D1106) est aussi accepté.'}
            </span>
          )}
        >
          {(item: Occupation) => (
            <ListBoxItem id={item.code} textValue={occupationText(item)}>
              {item.label} <span className="muted">({item.code})</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
