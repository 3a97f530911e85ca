import { useState } from 'react';
import { Form } from 'react-aria-components';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { Choice } from '../../ui/choice';
import { Field, NativeDate } from '../../ui/forms';
import { useForm } from '../../ui/use-form';
import { Alert, Button, parisToday } from '../../ui/ui';

type CloseRequest = components['schemas']['CloseRequest'];
type ExitReason = NonNullable<CloseRequest['exitReason']>;

const EXIT_REASONS: ReadonlyArray<{ id: ExitReason; label: string }> = [
  { id: 'job', label: 'Emploi' },
  { id: 'training', label: 'Formation' },
  { id: 'business_creation', label: 'Création d’activité' },
  { id: 'moved', label: 'Déménagement' },
  { id: 'health', label: 'Santé' },
  { id: 'no_contact', label: 'Perte de contact' },
  { id: 'other', label: 'Autre' },
];

/**
 * Ends a person's coaching outside a CER outcome (never signed, moved away, lost contact…) or reorients them;
 * a running CER is closed with it. Asks for a confirmation: the file then leaves the active portfolio.
 */
export function ClosureForm({ id, onClosed }: { id: string; onClosed: (message: string) => Promise<void> }) {
  const [status, setStatus] = useState<CloseRequest['status']>('ended');
  const [exitReason, setExitReason] = useState<ExitReason | null>(null);
  const [reorientedTo, setReorientedTo] = useState('');
  const [on, setOn] = useState(parisToday);
  const [confirming, setConfirming] = useState(false);
  const form = useForm({
    check: () => {
      const problems: Record<string, string> = {};
      if (status === 'ended' && !exitReason) problems.exitReason = 'Choisissez le motif de sortie.';
      if (status === 'reoriented' && !reorientedTo.trim()) problems.reorientedTo = 'Indiquez vers qui ou quoi.';
      return problems;
    },
    alertOnCheck: false,
    fields: ['exitReason', 'reorientedTo', 'on'],
    // A refusal takes the confirmation back: the user corrects, then confirms again.
    refused: () => {
      setConfirming(false);
      return null;
    },
    send: async () => {
      // The first press asks for the confirmation; the second sends.
      if (!confirming) {
        setConfirming(true);
        return;
      }
      await ok(
        api.POST('/beneficiaries/{id}/closure', {
          params: { path: { id } },
          body:
            status === 'ended'
              ? { status, on, exitReason: exitReason! }
              : { status, on, reorientedTo: reorientedTo.trim() },
        }),
      );
      await onClosed(status === 'ended' ? 'Accompagnement terminé.' : 'Réorientation enregistrée.');
    },
  });
  const { errors, error, busy } = form;

  return (
    <Form
      onSubmit={form.submit}
      aria-label="Terminer l’accompagnement"
      validationBehavior="aria"
      validationErrors={errors}
    >
      {error && <Alert>{error}</Alert>}
      <div className="grid">
        <Choice
          label="Issue"
          options={[
            { id: 'ended', label: 'Fin de l’accompagnement' },
            { id: 'reoriented', label: 'Réorientation' },
          ]}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setConfirming(false);
          }}
        />
        {status === 'ended' ? (
          <Choice
            label="Motif de sortie"
            name="exitReason"
            options={EXIT_REASONS}
            value={exitReason}
            onChange={(value) => {
              setExitReason(value);
              setConfirming(false);
            }}
            isRequired
            isInvalid={!!errors.exitReason}
            errorMessage={errors.exitReason}
          />
        ) : (
          <Field
            label="Réorienté·e vers"
            name="reorientedTo"
            value={reorientedTo}
            onChange={setReorientedTo}
            isRequired
            maxLength={200}
          />
        )}
        <NativeDate label="Le" name="on" value={on} onChange={setOn} isRequired error={errors.on} />
      </div>
      {confirming && (
        <Alert kind="info">
          Le dossier quittera le portefeuille actif et le CER en cours sera clos. Confirmez pour l’enregistrer.
        </Alert>
      )}
      <div className="actions">
        <Button type="submit" variant="secondary" isDisabled={busy}>
          {confirming ? 'Confirmer' : 'Enregistrer la fin de l’accompagnement'}
        </Button>
      </div>
    </Form>
  );
}
