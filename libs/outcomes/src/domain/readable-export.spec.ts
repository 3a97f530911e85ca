import { describe, expect, it } from '@jest/globals';
import { frenchDay, frenchLabel, readableExport, type ReadableExportInput } from './readable-export.js';

const input: ReadableExportInput = {
  exportedAt: '2026-12-03T10:00:00.000Z',
  file: {
    firstName: 'Leïla',
    lastName: 'Maquette',
    birthDate: '1990-04-02',
    email: null,
    phone: null,
    address: null,
    postalCode: '59000',
    communeName: 'Lille',
    orientationDate: '2026-11-01',
    status: 'in_coaching',
    exitReason: null,
    cvPlatform: null,
    cvDepositedOn: null,
    labels: { K2204: 'Nettoyage de locaux' },
    diagnostic: {
      experiences: [{ romeCode: 'K2204', months: 14 }],
      skills: [],
      desiredOccupations: ['K2204'],
      drivingLicence: false,
      vehicle: false,
      maxDistanceKm: 15,
      contractTypes: ['cdi', 'interim'],
      workingTime: 'part_time',
      availabilityDate: null,
    },
    barriers: [{ kind: 'childcare', status: 'in_progress', description: null, actions: 'crèche', healthNote: null }],
    cers: [],
    events: [
      {
        kind: 'aid_request',
        occurredOn: '2026-12-01',
        note: null,
        aid: { kind: 'mobility', amount: 80.5, decision: 'pending' },
      },
    ],
    proposals: [],
    consents: [],
  },
  jobs: [
    {
      employerName: 'Boulangerie',
      contractType: 'interim',
      contractMonths: 2,
      weeklyHours: null,
      startDate: '2026-12-01',
      durable: false,
      endDate: '2026-12-02',
      endReason: 'contract_end',
    },
  ],
  followUps: [],
  accessLog: [{ occurredAt: '2026-12-02T09:00:00.000Z', actorUserId: 'u1', action: 'read' }],
  notifications: [],
  shares: [
    {
      recipientName: 'Sam Social',
      parts: ['diagnostic', 'barriers'],
      healthNoteVisible: false,
      endsOn: '2026-12-31',
      createdAt: '2026-12-02T09:00:00.000Z',
      revokedAt: '2026-12-03T09:00:00.000Z',
    },
  ],
  staffNames: { u1: 'Camille Conseil' },
};

describe('the readable export', () => {
  it('says each part with French labels and dates, the staff by name, and no code', () => {
    const text = readableExport(input);
    for (const expected of [
      'Prénom : Leïla',
      'Orientation le : 01/11/2026',
      'Situation : en accompagnement',
      'Métiers visés : Nettoyage de locaux (K2204)',
      'Contrats recherchés : CDI, Intérim',
      'Temps de travail : temps partiel',
      '- Garde d’enfants — en cours',
      '01/12/2026 — Demande d’aide — aide mobilité de 80,5 €, en attente',
      'Intérim de 2 mois chez Boulangerie, depuis le 01/12/2026',
      'Fin le 02/12/2026 : fin de contrat',
      '02/12/2026 — consultation par Camille Conseil',
      'Avec Sam Social, le 02/12/2026, jusqu’au 31/12/2026 : diagnostic, freins (révoqué le 03/12/2026)',
    ])
      expect(text).toContain(expected);
    for (const code of ['in_coaching', 'part_time', 'in_progress', 'aid_request', 'pending', 'contract_end', 'u1'])
      expect(text).not.toContain(code);
  });

  it('says what employers answered about the person, in French: cards, shortlists, exchanges, follow-up forms', () => {
    const text = readableExport({
      ...input,
      employerAnswers: [
        {
          via: 'shortlist',
          employerName: 'Boulangerie Paul',
          offerTitle: 'Vendeur',
          answeredAt: '2026-12-02T09:00:00.000Z',
          answer: 'not_now',
          refusalReason: 'schedule',
          proposedInterview: null,
          message: 'Nous recontacterons en janvier.',
        },
        {
          via: 'card_link',
          employerName: 'Fromagerie',
          offerTitle: null,
          answeredAt: '2026-12-03T09:00:00.000Z',
          answer: 'interested',
          refusalReason: null,
          proposedInterview: 'mardi 8 décembre à 10 h',
          message: null,
        },
      ],
      employerExchanges: [
        {
          employerName: 'Boulangerie Paul',
          offerTitle: 'Vendeur',
          from: 'employer',
          body: 'Permis B ?',
          at: '2026-12-02T09:00:00.000Z',
        },
        {
          employerName: 'Boulangerie Paul',
          offerTitle: 'Vendeur',
          from: 'service',
          body: 'Oui.',
          at: '2026-12-02T10:00:00.000Z',
        },
      ],
      employerFollowUpAnswers: [
        {
          milestone: 'm1',
          employerName: 'Boulangerie',
          job: 'Vendeur (CDD)',
          answeredAt: '2026-12-03T09:00:00.000Z',
          inJob: false,
          endDate: '2026-12-01',
          endReason: 'resignation',
          remark: 'Départ à l’amiable.',
        },
      ],
    });
    for (const expected of [
      '02/12/2026 — Boulangerie Paul pour « Vendeur » (sélection de profils) : pas pour le moment, les horaires ou la disponibilité ne conviennent pas',
      '  Message : Nous recontacterons en janvier.',
      '03/12/2026 — Fromagerie (fiche) : souhaite rencontrer la personne',
      '  Entretien : mardi 8 décembre à 10 h',
      '02/12/2026 — Boulangerie Paul a écrit : Permis B ?',
      '02/12/2026 — Le service a répondu à Boulangerie Paul : Oui.',
      'Point à 1 mois, Vendeur (CDD) (Boulangerie), réponse du 03/12/2026 : plus en poste depuis le 01/12/2026 (démission)',
      '  Message de l’employeur : Départ à l’amiable.',
    ])
      expect(text).toContain(expected);
    for (const code of ['not_now', 'schedule', 'card_link', 'shortlist', 'resignation'])
      expect(text).not.toContain(code);
  });

  it('keeps a code it has no label for rather than hiding it, and writes dates the French way', () => {
    expect(frenchLabel('barrier', 'new_kind')).toBe('new_kind');
    expect(frenchLabel('barrier', null)).toBe('—');
    expect(frenchDay('2026-01-31')).toBe('31/01/2026');
  });
});
