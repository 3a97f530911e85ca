import { describe, expect, it } from '@jest/globals';
import { pdfText } from '@passerelle/testing';
import { PrintCer } from './print-cer.use-case.js';

describe('PrintCer.forThePerson', () => {
  it('says how the CER ended and what remains of an objective without steps', async () => {
    const pdf = await PrintCer.forThePerson({
      personName: 'Amélie Lefèvre',
      referentName: null,
      cer: {
        id: 'c',
        signedOn: '2026-01-05',
        startDate: '2026-01-05',
        durationMonths: 3,
        endDate: '2026-04-05',
        beneficiaryCommitments: [],
        serviceCommitments: ['Un entretien par semaine'],
        outcome: 'exit_job',
        outcomeOn: '2026-03-20',
      },
      objectives: [
        {
          id: 'o',
          title: 'Trouver un emploi de vendeuse',
          status: 'achieved',
          dueOn: null,
          barrierId: null,
          cerId: 'c',
          commitment: null,
          steps: [],
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      ],
    });
    const text = pdfText(pdf);
    expect(text).toContain('Où en est-il : terminé : vous avez trouvé un emploi le 20/03/2026');
    expect(text).toContain('Votre conseiller·ère : non renseigné');
    expect(text).toContain('Aucun engagement écrit.');
    expect(text).toContain('Trouver un emploi de vendeuse (atteint)');
    expect(text).toContain('Durée : 3 mois');
  });
});
