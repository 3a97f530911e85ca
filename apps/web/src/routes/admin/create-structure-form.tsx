import { useState } from 'react';
import { FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { api, ok } from '../../api/client';
import type { components } from '../../api/types';
import type { Structure } from '../../features/structures/structures';
import { Choice } from '../../ui/choice';
import { useForm } from '../../ui/use-form';
import { Alert, Button } from '../../ui/ui';
import { KINDS } from './admin-labels';

type StructureKind = components['schemas']['StructureResponse']['kind'];

const STRUCTURE_FIELD_MESSAGES: Record<string, string> = {
  name: 'Saisissez le nom de la structure (200 caractères au plus).',
  kind: 'Choisissez le type de structure.',
  parentId: 'Choisissez une structure parente existante.',
};

/** A new structure: its name, type and parent. */
export function CreateStructureForm({ structures, onCreated }: { structures: Structure[]; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<StructureKind | null>(null);
  const [parentId, setParentId] = useState<string>('none');
  const [message, setMessage] = useState<string | null>(null);
  const parentOptions = [
    { id: 'none', label: 'Aucune (structure de premier niveau)' },
    ...structures.map((structure) => ({ id: structure.id, label: structure.name })),
  ];

  const form = useForm({
    check: () => {
      const problems: Record<string, string> = {};
      if (!name.trim() || name.trim().length > 200) problems.name = STRUCTURE_FIELD_MESSAGES.name;
      if (!kind) problems.kind = STRUCTURE_FIELD_MESSAGES.kind;
      return problems;
    },
    invalid: 'La structure n’a pas été créée : corrigez les champs signalés.',
    messages: STRUCTURE_FIELD_MESSAGES,
    send: async () => {
      const created = await ok(
        api.POST('/structures', {
          body: { name: name.trim(), kind: kind!, ...(parentId !== 'none' ? { parentId } : {}) },
        }),
      );
      setName('');
      setKind(null);
      setParentId('none');
      setMessage(`La structure « ${created.name} » est créée.`);
      onCreated();
    },
  });
  const { errors } = form;

  return (
    <div className="card" style={{ marginTop: '1rem' }}>
      <h3 style={{ marginTop: 0 }}>Créer une structure</h3>
      {message && <Alert kind="success">{message}</Alert>}
      {form.error && <Alert>{form.error}</Alert>}
      <Form
        onSubmit={(event) => {
          setMessage(null);
          form.submit(event);
        }}
        validationBehavior="aria"
        validationErrors={errors}
      >
        <div className="grid">
          <TextField
            name="name"
            value={name}
            onChange={form.clearing(setName, 'name')}
            isRequired
            maxLength={200}
            isInvalid={!!errors.name}
          >
            <Label>Nom</Label>
            <Input />
            <FieldError>{errors.name}</FieldError>
          </TextField>
          <Choice
            label="Type"
            name="kind"
            options={KINDS}
            value={kind}
            onChange={form.clearing(setKind, 'kind')}
            isRequired
            isInvalid={!!errors.kind}
            errorMessage={errors.kind}
            placeholder="Choisir un type"
          />
          <Choice
            label="Structure parente (facultative)"
            name="parentId"
            options={parentOptions}
            value={parentId}
            onChange={form.clearing(setParentId, 'parentId')}
            isInvalid={!!errors.parentId}
            errorMessage={errors.parentId}
          />
        </div>
        <div className="actions">
          <Button type="submit" isDisabled={form.busy}>
            {form.busy ? 'Création…' : 'Créer la structure'}
          </Button>
        </div>
      </Form>
    </div>
  );
}
