import { type FormEvent, useState } from 'react';
import { api, describeError, ok } from '../../api/client';
import type { BeneficiaryFileResponse } from '../../api/types';
import { useApiData } from '../../api/use-api-data';
import { Choice } from '../../ui/choice';
import { Checks, fieldErrors, NativeDate } from '../../ui/forms';
import { Alert, Badge, Button, formatDate, parisToday } from '../../ui/ui';
import { activeConsent } from './section-rules';
import { SHARED_PARTS, type SharedPart, sharedPartsText } from '../../features/sharing/sharing-labels';

/** The longest share the API takes, in days. */
const MAX_DAYS = 92;
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The referent shares parts of the file with another coach (a social worker, a colleague covering an absence)
 * until a date, once the person agreed; the health note only if the person agreed to that too. Below, the shares,
 * each revocable at once.
 */
export function SharingSection({ file }: { file: BeneficiaryFileResponse }) {
  const id = file.id;
  const consented = !!activeConsent(file, 'share_file_with_professionals');
  const today = parisToday();
  const [recipient, setRecipient] = useState<string | null>(null);
  const [parts, setParts] = useState<SharedPart[]>(['diagnostic', 'barriers', 'objectives']);
  const [health, setHealth] = useState(false);
  const [endsOn, setEndsOn] = useState(addDays(today, 14));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shares = useApiData(() => ok(api.GET('/beneficiaries/{id}/shares', { params: { path: { id } } })), [id]);
  const recipients = useApiData(() => ok(api.GET('/file-shares/recipients')), [], { enabled: consented });

  const run = async (done: string, call: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      await call();
      setNotice(done);
      shares.reload();
    } catch (caught) {
      setErrors(fieldErrors(caught));
      setProblem(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const share = (event: FormEvent) => {
    event.preventDefault();
    if (!recipient) {
      setErrors({ recipientUserId: 'choisissez un·e professionnel·le' });
      return;
    }
    setErrors({});
    const name = recipients.data?.find((entry) => entry.userId === recipient)?.displayName ?? '';
    void run(`Dossier partagé avec ${name} jusqu’au ${formatDate(endsOn)}.`, () =>
      ok(
        api.POST('/beneficiaries/{id}/shares', {
          params: { path: { id } },
          body: {
            recipientUserId: recipient,
            parts,
            healthNoteVisible: health && parts.includes('barriers'),
            endsOn,
          },
        }),
      ),
    );
  };

  const live = (shares.data ?? []).filter((entry) => entry.revokedAt === null && entry.endsOn >= today);
  const past = (shares.data ?? []).filter((entry) => !live.includes(entry));

  return (
    <section className="card" aria-labelledby="sharing">
      <h2 id="sharing">Partage du dossier</h2>
      {problem && <Alert>{problem}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      {shares.error && <Alert>{shares.error}</Alert>}
      {live.length === 0 ? (
        <p>Ce dossier n’est partagé avec personne.</p>
      ) : (
        <ul aria-label="Partages en cours">
          {live.map((entry) => (
            <li key={entry.id}>
              <strong>{entry.recipientName}</strong>, jusqu’au {formatDate(entry.endsOn)} :{' '}
              {sharedPartsText(entry.parts, entry.healthNoteVisible)}{' '}
              <Button
                variant="secondary"
                isDisabled={busy}
                onPress={() =>
                  void run(`Partage avec ${entry.recipientName} révoqué.`, () =>
                    ok(
                      api.DELETE('/beneficiaries/{id}/shares/{shareId}', {
                        params: { path: { id, shareId: entry.id } },
                      }),
                    ),
                  )
                }
              >
                Révoquer
              </Button>
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <details>
          <summary>Partages terminés ({past.length})</summary>
          <ul aria-label="Partages terminés">
            {past.map((entry) => (
              <li key={entry.id}>
                {entry.recipientName}, {sharedPartsText(entry.parts, entry.healthNoteVisible)}{' '}
                {entry.revokedAt ? (
                  <Badge>révoqué le {formatDate(entry.revokedAt)}</Badge>
                ) : (
                  <Badge>terminé le {formatDate(entry.endsOn)}</Badge>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {!consented ? (
        <p className="muted">
          Pour partager ce dossier, enregistrez d’abord l’accord de la personne (« Partager son dossier avec d’autres
          professionnels », dans Consentements).
        </p>
      ) : (
        <form onSubmit={share} aria-labelledby="share-form">
          <h3 id="share-form">Partager avec un·e professionnel·le</h3>
          <Choice
            label="Professionnel·le"
            name="recipientUserId"
            options={(recipients.data ?? []).map((entry) => ({
              id: entry.userId,
              label: `${entry.displayName} (${entry.structureName})`,
            }))}
            value={recipient}
            onChange={setRecipient}
            isDisabled={!recipients.data}
            isInvalid={!!errors.recipientUserId}
            errorMessage={errors.recipientUserId}
          />
          <Checks
            label="Parties du dossier partagées"
            name="parts"
            options={SHARED_PARTS}
            value={parts}
            onChange={setParts}
            isInvalid={!!errors.parts}
            errorMessage={errors.parts}
          />
          {parts.includes('barriers') && (
            <Checks
              label="Santé"
              name="healthNoteVisible"
              description="Cochez seulement si la personne a accepté de partager ses informations de santé. Sinon, son frein de santé n’apparaît pas du tout dans le dossier partagé."
              options={[
                { id: 'agreed', label: 'La personne accepte de partager son frein de santé et sa note de santé' },
              ]}
              value={health ? ['agreed'] : []}
              onChange={(value) => setHealth(value.length > 0)}
              isInvalid={!!errors.healthNoteVisible}
              errorMessage={errors.healthNoteVisible}
            />
          )}
          <NativeDate
            label="Fin du partage (dernier jour)"
            name="endsOn"
            value={endsOn}
            onChange={setEndsOn}
            min={today}
            max={addDays(today, MAX_DAYS)}
            isRequired
            error={errors.endsOn}
          />
          <Button type="submit" isDisabled={busy}>
            Partager le dossier
          </Button>
        </form>
      )}
    </section>
  );
}
