import { api, ok } from '../../api/client';
import type { BeneficiaryFile } from '../../api/types';
import { Button, formatDate } from '../../ui/ui';
import { activeConsent } from './section-rules';
import type { PersonData } from './use-person-data';

const CONSENTS: Record<string, string> = {
  share_profile_with_employers: 'Partager sa fiche avec des employeurs',
  photo: 'Photo sur la fiche',
};
/** The person's consents (sharing their card, the photo), recorded or revoked by the referent. */
export function ConsentsSection({
  file,
  canWrite,
  act,
}: {
  file: BeneficiaryFile;
  canWrite: boolean;
  act: PersonData['act'];
}) {
  const id = file.id;
  return (
    <section className="card" aria-labelledby="consents">
      <h2 id="consents">Consentements</h2>
      <ul>
        {Object.entries(CONSENTS).map(([purpose, label]) => {
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
                            params: { path: { id, purpose: purpose as never } },
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
                            body: { purpose: purpose as never },
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
