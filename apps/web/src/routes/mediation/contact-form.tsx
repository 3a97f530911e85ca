import { useState } from 'react';
import { api, ok } from '../../api/client';
import { Field } from '../../ui/forms';
import { useForm } from '../../ui/use-form';
import { Button } from '../../ui/ui';
import { ToggledForm } from '../../features/employers/toggled-form';

/** A new contact at the employer's (name, role, phone, e-mail). */
export function ContactForm({ employerId, onAdded }: { employerId: string; onAdded: () => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const formId = `contact-form-${employerId}`;

  const form = useForm({
    fields: ['name', 'role', 'phone', 'email'],
    send: async () => {
      await ok(
        api.POST('/employers/{id}/contacts', {
          params: { path: { id: employerId } },
          body: {
            name: name.trim(),
            ...(role.trim() ? { role: role.trim() } : {}),
            ...(phone.trim() ? { phone: phone.trim() } : {}),
            ...(email.trim() ? { email: email.trim() } : {}),
          },
        }),
      );
      setName('');
      setRole('');
      setPhone('');
      setEmail('');
      setOpen(false);
      onAdded();
    },
  });

  return (
    <ToggledForm
      id={formId}
      open={open}
      onOpenChange={setOpen}
      openLabel="Ajouter un contact"
      label="Nouveau contact"
      form={form}
    >
      <Field label="Nom" name="name" value={name} onChange={setName} isRequired maxLength={200} />
      <Field label="Fonction" name="role" value={role} onChange={setRole} maxLength={200} />
      <Field label="Téléphone" name="phone" value={phone} onChange={setPhone} inputMode="tel" maxLength={20} />
      <Field label="E-mail" name="email" value={email} onChange={setEmail} inputMode="email" maxLength={200} />
      <Button type="submit" isDisabled={form.busy}>
        {form.busy ? 'Enregistrement…' : 'Enregistrer le contact'}
      </Button>
    </ToggledForm>
  );
}
