import {
  Button as AriaButton,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
} from 'react-aria-components';

// A module of its own: the select's list box, popover and keyboard handling are the heaviest part of react-aria
// here, and a screen without a select (the matched offers) should not load them before its content.

/**
 * A react-aria select with a visible label. With `name`, it takes part in its form (its error comes from the form's
 * `validationErrors`, or from `isInvalid` and `errorMessage`).
 */
export function Choice<K extends string>({
  label,
  options,
  value,
  onChange,
  description,
  placeholder = 'Choisir…',
  name,
  isRequired,
  isInvalid,
  errorMessage,
  isDisabled,
}: {
  label: string;
  options: ReadonlyArray<{ id: K; label: string }>;
  value: K | null;
  onChange: (value: K) => void;
  description?: string;
  placeholder?: string;
  name?: string;
  isRequired?: boolean;
  isInvalid?: boolean;
  errorMessage?: string;
  /** While its options are being read: a picker opened empty shows nothing and looks broken. */
  isDisabled?: boolean;
}) {
  return (
    <Select
      name={name}
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(key as K)}
      isRequired={isRequired}
      isInvalid={isInvalid}
      isDisabled={isDisabled}
      className="field"
      placeholder={placeholder}
    >
      <Label>{label}</Label>
      <AriaButton className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </AriaButton>
      {description && (
        <Text slot="description" className="muted">
          {description}
        </Text>
      )}
      <FieldError>{errorMessage}</FieldError>
      <Popover>
        <ListBox>
          {options.map((option) => (
            <ListBoxItem key={option.id} id={option.id}>
              {option.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
