import { api, ok } from '../../api/client';
import type { BeneficiaryFileResponse, components } from '../../api/types';
import { Button, formatDate } from '../../ui/ui';
import { activeConsent } from './section-rules';
import type { PersonData } from './use-person-data';

const CONSENTS = [
  { purpose: 'share_profile_with_employers', label: 'Partager sa fiche avec des employeurs' },
  { purpose: 'photo', label: 'Photo sur la fiche' },
  { purpose: 'contact_by_email', label: 'Recevoir invitations et rappels par e-mail' },
  { purpose: 'contact_by_sms', label: 'Recevoir invitations et rappels par SMS' },
  { purpose: 'share_file_with_professionals', label: 'Partager son dossier avec d’autres professionnels' },
] as const satisfies ReadonlyArray<{ purpose: components['schemas']['ConsentRequest']['purpose']; label: string }>;
/** The person's consents (sharing their card, the photo, e-mails and SMS from the service), recorded or revoked by the referent. */
export function ConsentsSection({
  file,
  canWrite,
  act,
}: {
  file: BeneficiaryFileResponse;
  canWrite: boolean;
  act: PersonData['act'];
}) {
  const id = file.id;
  return (
    <section className="card" aria-labelledby="consents">
      <h2 id="consents">Consentements</h2>
      <ul>
        {CONSENTS.map(({ purpose, label }) => {
          const current = activeConsent(file, purpose);
          return (
            <li key={purpose}>
              {label} : {current ? `donné le ${formatDate(current.grantedAt)}` : 'non donné'}{' '}
              {canWrite &&
                (current ? (
                  <Button
                    variant="secondary"
                    onPress={() =>
                      void act('Consentement retiré.', () =>
                        ok(
                          api.DELETE('/beneficiaries/{id}/consents/{purpose}', {
                            params: { path: { id, purpose } },
                          }),
                        ),
                      )
                    }
                  >
                    Retirer
                  </Button>
                ) : (
                  <Button
                    variant="secondary"
                    onPress={() =>
                      void act('Consentement enregistré.', () =>
                        ok(
                          api.POST('/beneficiaries/{id}/consents', {
                            params: { path: { id } },
                            body: { purpose },
                          }),
                        ),
                      )
                    }
                  >
                    Enregistrer
                  </Button>
                ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
