import type { ReactNode } from 'react';
import { Form } from 'react-aria-components';
import type { FormState } from '../../ui/use-form';
import { Alert, Button } from '../../ui/ui';

/** A button that shows or hides what it controls. */
export function Toggle({
  open,
  onChange,
  controls,
  children,
}: {
  open: boolean;
  onChange: (open: boolean) => void;
  controls: string;
  children: ReactNode;
}) {
  return (
    <Button variant="secondary" aria-expanded={open} aria-controls={controls} onPress={() => onChange(!open)}>
      {children}
    </Button>
  );
}

/** A form behind a toggle button (which also cancels it), with the problem the API found above its fields. */
export function ToggledForm({
  id,
  open,
  onOpenChange,
  openLabel,
  label,
  form,
  children,
}: {
  id: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  openLabel: string;
  label: string;
  form: FormState;
  children: ReactNode;
}) {
  return (
    <>
      <Toggle open={open} onChange={onOpenChange} controls={id}>
        {open ? 'Annuler' : openLabel}
      </Toggle>
      {open && (
        <div id={id} style={{ marginTop: '0.5rem' }}>
          {form.error && <Alert>{form.error}</Alert>}
          <Form validationErrors={form.errors} onSubmit={form.submit} aria-label={label}>
            {children}
          </Form>
        </div>
      )}
    </>
  );
}
