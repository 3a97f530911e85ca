import { type Dispatch, type ReactNode, type SetStateAction, useId, useState } from 'react';
import { Checkbox, CheckboxGroup, FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { ApiError } from '../api/client';
import { lengthCounter, reasonInFrench } from '../api/errors-fr';

/* ------------------------------------------------------------------ the API's errors, in French and by field */

/** The API's reasons in French, field names, the length counter, date rules and search text: one catalogue. */
export { dateProblem, fieldLabel, lengthCounter, reasonInFrench, searchable } from '../api/errors-fr';

/** Field errors of an API answer, by field name (`skills.0` counts for `skills`). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const detail of error.details) {
    const field = detail.field.split('.')[0];
    errors[field] = errors[field]
      ? `${errors[field]} ; ${reasonInFrench(detail.reason)}`
      : reasonInFrench(detail.reason);
  }
  return errors;
}

/** A field's change handler that also clears the field's error (shown until the user changes it). */
export function clearing<T>(
  set: (value: T) => void,
  field: string,
  setErrors: Dispatch<SetStateAction<Record<string, string>>>,
): (value: T) => void {
  return (value: T) => {
    set(value);
    setErrors((errors) => {
      if (!(field in errors)) return errors;
      const { [field]: _cleared, ...rest } = errors;
      return rest;
    });
  };
}

/* ------------------------------------------------------------------ widgets */

/** A scrolling wrapper that keyboard users can reach (axe: scrollable-region-focusable). */
export function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0} style={{ position: 'relative' }}>
      {children}
    </div>
  );
}

/**
 * A labelled react-aria text field (single line or not) that shows its form's error for its name; controlled when
 * given `value` and `onChange`, else read from the form's data. With `maxLength` (a hard stop) or `limit` (refused
 * on sending, so a pasted text is not cut silently), a counter shows the length against the limit as the user types.
 * `errorMessage` shows the page's own error for the field.
 */
export function Field({
  label,
  name,
  value,
  onChange,
  isRequired = false,
  multiline = false,
  rows = 3,
  description,
  maxLength,
  limit,
  inputMode,
  errorMessage,
  type,
}: {
  label: string;
  name: string;
  value?: string;
  onChange?: (value: string) => void;
  isRequired?: boolean;
  multiline?: boolean;
  rows?: number;
  description?: string;
  maxLength?: number;
  limit?: number;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'tel';
  errorMessage?: string;
  type?: 'text' | 'email' | 'tel' | 'date';
}) {
  const [typed, setTyped] = useState(value ?? '');
  const length = (value ?? typed).length;
  const max = limit ?? maxLength;
  const counter = max !== undefined ? lengthCounter(length, max) : null;
  const counterId = useId();
  return (
    <TextField
      name={name}
      value={value}
      onChange={(next) => {
        setTyped(next);
        onChange?.(next);
      }}
      isRequired={isRequired}
      isInvalid={errorMessage ? true : undefined}
      className="field"
      maxLength={maxLength}
      inputMode={inputMode}
      type={type}
      data-field={name}
    >
      <Label>
        {label}
        {isRequired && <span aria-hidden="true"> *</span>}
      </Label>
      {multiline ? (
        <TextArea rows={rows} aria-describedby={counter ? counterId : undefined} />
      ) : (
        <Input aria-describedby={counter ? counterId : undefined} />
      )}
      {description && (
        <Text slot="description" className="muted">
          {description}
        </Text>
      )}
      {counter && (
        <span id={counterId} className={counter.over ? 'counter counter-over' : 'counter muted'} aria-live="polite">
          {counter.text}
        </span>
      )}
      <FieldError>{errorMessage}</FieldError>
    </TextField>
  );
}

/**
 * A native date or date-time input with a visible label and its error (react-aria's Form does not see it);
 * controlled when given `value` and `onChange`, else read from the form's data.
 */
export function NativeDate({
  label,
  name,
  type = 'date',
  value,
  onChange,
  isRequired = false,
  error,
  min,
  max,
}: {
  label: string;
  name: string;
  type?: 'date' | 'datetime-local';
  value?: string;
  onChange?: (value: string) => void;
  isRequired?: boolean;
  error?: string;
  /** The earliest and latest dates allowed (the browser's picker stops there; check with `dateProblem` too). */
  min?: string;
  max?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {isRequired && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        required={isRequired}
        min={min}
        max={max}
        onChange={onChange && ((event) => onChange(event.target.value))}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** The drawn box of a react-aria checkbox (the state is the checkbox's own, read by assistive technologies). */
export function Box({ isSelected }: { isSelected: boolean }) {
  return (
    <span className="box" aria-hidden="true">
      {isSelected ? '✓' : ''}
    </span>
  );
}

/**
 * A labelled group of react-aria checkboxes, each drawn with its box; with `name`, it takes part in its form (its
 * error from `errorMessage`). An option's `hint` follows its label, dimmed.
 */
export function Checks<K extends string>({
  label,
  options,
  value,
  onChange,
  name,
  description,
  isRequired,
  isInvalid,
  errorMessage,
}: {
  label: string;
  options: ReadonlyArray<{ id: K; label: string; hint?: string }>;
  value: readonly K[];
  onChange: (value: K[]) => void;
  name?: string;
  description?: string;
  isRequired?: boolean;
  isInvalid?: boolean;
  errorMessage?: string;
}) {
  return (
    <CheckboxGroup
      name={name}
      value={[...value]}
      onChange={(values) => onChange(values as K[])}
      isRequired={isRequired}
      isInvalid={isInvalid}
      className="field checks"
    >
      <Label>{label}</Label>
      {description && (
        <Text slot="description" className="muted">
          {description}
        </Text>
      )}
      {options.map((option) => (
        <Checkbox key={option.id} value={option.id}>
          {({ isSelected }) => (
            <>
              <Box isSelected={isSelected} />
              <span>
                {option.label}
                {option.hint && <span className="muted"> — {option.hint}</span>}
              </span>
            </>
          )}
        </Checkbox>
      ))}
      <FieldError>{errorMessage}</FieldError>
    </CheckboxGroup>
  );
}

/** The labels of a list of options, by id. */
export function labelsOf<K extends string>(options: ReadonlyArray<{ id: K; label: string }>): Record<string, string> {
  return Object.fromEntries(options.map((option) => [option.id, option.label]));
}

/* ------------------------------------------------------------------ reading */

/** Term and value on one line, wrapping: readable at 320 pixels where a two-column grid is not. */
export function InlineFacts({ items }: { items: ReadonlyArray<readonly [string, ReactNode]> }) {
  return (
    <dl style={{ margin: 0 }}>
      {items.map(([term, value]) => (
        <div key={term} style={{ marginBottom: '0.2rem' }}>
          <dt style={{ display: 'inline', fontWeight: 600 }}>{`${term}\u00a0:`}</dt>{' '}
          <dd style={{ display: 'inline', margin: 0 }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function TagList({ items, label }: { items: readonly string[]; label: string }) {
  if (items.length === 0) return <p className="muted">Aucune.</p>;
  return (
    <ul className="tags" aria-label={label}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
