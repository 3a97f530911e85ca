import { type Dispatch, type FormEvent, type SetStateAction, useState } from 'react';
import { ApiError, describeError } from '../api/client';
import { reasonInFrench } from '../api/errors-fr';
import { clearing as clearingError } from './forms';

/** What the form says when it is refused: the alert above it, and the message beside each field at fault. */
export interface Refusal {
  readonly message: string;
  readonly errors?: Record<string, string>;
}

/** How a form checks, sends and words what is refused. */
export interface FormOptions {
  /** Problems found before sending, by field: with one, nothing is sent. */
  readonly check?: () => Record<string, string>;
  /** The request and what follows it (navigate, empty the fields, tell the parent). */
  readonly send: () => Promise<void>;
  /** The alert when fields are refused, by `check` or by the API (default « Corrigez les champs signalés. »). */
  readonly invalid?: string;
  /** Whether the fields `check` refuses also raise the alert; without it only the fields say so. Default true. */
  readonly alertOnCheck?: boolean;
  /** The page's own words for a field the API refuses; else the API's reasons in French. */
  readonly messages?: Record<string, string>;
  /** How the API's reasons read (default: the shared catalogue, api/errors-fr.ts). */
  readonly reason?: (reason: string) => string;
  /** The fields the form shows: an API error on another field is told in the alert instead. */
  readonly fields?: readonly string[];
  /** Refusals the page words itself (an error code, a status); null leaves them to the usual wording. */
  readonly refused?: (caught: unknown) => Refusal | null;
}

export interface FormState {
  /** The message beside each field at fault, by the field's name (the form's `validationErrors`). */
  readonly errors: Record<string, string>;
  readonly setErrors: Dispatch<SetStateAction<Record<string, string>>>;
  /** The alert above the form. */
  readonly error: string | null;
  readonly setError: Dispatch<SetStateAction<string | null>>;
  /** A request is on its way (the submit button says so and is disabled). */
  readonly busy: boolean;
  /** The form's submit handler: check, send, then word what the API refused. */
  readonly submit: (event: FormEvent) => void;
  /** A field's change handler that also clears the field's error (shown until the user changes the field). */
  readonly clearing: <T>(set: (value: T) => void, field: string) => (value: T) => void;
}

const FIELDS_REFUSED = 'Corrigez les champs signalés.';

/**
 * The usual wording of a refusal: each field the API names gets the page's message for it, else its reasons in
 * French (`skills.0` counts for `skills`); the alert asks to correct them, unless one is not on the form (then it
 * tells the API's problem). Anything else is the API's problem in French.
 */
export function fieldRefusal(
  caught: unknown,
  options: Pick<FormOptions, 'invalid' | 'messages' | 'reason' | 'fields'> = {},
): Refusal {
  if (!(caught instanceof ApiError) || caught.details.length === 0) return { message: describeError(caught) };
  const word = options.reason ?? reasonInFrench;
  const reasons: Record<string, string[]> = {};
  for (const detail of caught.details) (reasons[detail.field.split('.')[0]] ??= []).push(word(detail.reason));
  const errors = Object.fromEntries(
    Object.entries(reasons).map(([field, said]) => [field, options.messages?.[field] ?? said.join(' ; ')]),
  );
  const elsewhere = options.fields && Object.keys(errors).some((field) => !options.fields!.includes(field));
  return { errors, message: elsewhere ? describeError(caught) : (options.invalid ?? FIELDS_REFUSED) };
}

/**
 * One form's submission, as every form of the application does it: the page's checks first (each problem beside
 * its field), then the request with the button busy, then the API's refusal worded by field or in the alert.
 */
export function useForm(options: FormOptions): FormState {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    setBusy(true);
    try {
      await options.send();
    } catch (caught) {
      const refusal = options.refused?.(caught) ?? fieldRefusal(caught, options);
      setErrors(refusal.errors ?? {});
      setError(refusal.message);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = options.check?.() ?? {};
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length > 0) {
      if (options.alertOnCheck !== false) setError(options.invalid ?? FIELDS_REFUSED);
      return;
    }
    void send();
  };

  return {
    errors,
    setErrors,
    error,
    setError,
    busy,
    submit,
    clearing: (set, field) => clearingError(set, field, setErrors),
  };
}
