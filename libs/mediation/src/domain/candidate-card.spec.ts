import { describe, expect, it } from '@jest/globals';
import { buildCard, cardChoices, editedCard } from './candidate-card.js';
import { cardPage, gonePage } from './card-page.js';

const source = {
  firstName: 'Awa <script>alert(1)</script>',
  experiences: [
    { label: 'Vendeur / Vendeuse en alimentation', months: 40 },
    { label: 'Hôte / Hôtesse de caisse', months: 8 },
  ],
  skills: ['Encaisser', 'Conseiller un client', 'Encaisser', 'a', 'b', 'c', 'd', 'e', 'f', 'g'],
  qualities: ['Sens du service', 'Ponctualité'],
  desiredOccupation: null,
  availabilityDate: '2026-12-02',
  drivingLicence: true,
  vehicle: false,
  maxDistanceKm: 20,
  languages: [
    { code: 'fr', level: 'native' },
    { code: 'en', level: 'A2' },
  ],
};

describe('candidate card', () => {
  it('puts skills first, deduplicated and capped, with a headline from the longest experience', () => {
    const card = buildCard(source);
    expect(card.headline).toBe('Vendeur / Vendeuse en alimentation — 3 ans d’expérience');
    expect(card.skills).toEqual(['Encaisser', 'Conseiller un client', 'a', 'b', 'c', 'd', 'e', 'f']);
    expect(card.languages).toEqual(['français (langue maternelle)', 'anglais (A2)']);
  });

  it('holds only the listed fields: nothing else about the person can reach it', () => {
    const card = buildCard({ ...source, lastName: 'Secret', barriers: ['dettes'], rsa: true } as typeof source);
    expect(Object.keys(card).sort()).toEqual(
      [
        'availability',
        'experiences',
        'firstName',
        'headline',
        'languages',
        'mobility',
        'note',
        'qualities',
        'skills',
      ].sort(),
    );
    expect(JSON.stringify(card)).not.toMatch(/Secret|dettes|rsa/);
  });

  it('renders a French page with everything escaped and an answer form', () => {
    const html = cardPage({
      card: buildCard(source),
      employerName: 'Boulangerie & Fils',
      offerTitle: null,
      formAction: '/cartes/x',
    });
    expect(html).toContain('lang="fr"');
    expect(html).toContain('Awa &lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Boulangerie &amp; Fils');
    expect(html).toContain('Disponible à partir du 02/12/2026');
    expect(html).toContain('name="answer" value="interested"');
    expect(gonePage('expired')).toContain('Ce lien a expiré.');
  });
});

describe('the coach edits the card', () => {
  const card = buildCard({ ...source, firstName: 'Awa' });
  const fromFile = { ...source, skills: ['Encaisser', 'Accueillir'], qualities: ['Ponctualité', 'Rigueur'] };

  it('shows only labels of the person’s own, those on the card or in the file', () => {
    expect(editedCard(card, fromFile, { skills: ['Accueillir', 'Piloter un avion'] })).toEqual({
      field: 'skills',
      unknown: ['Piloter un avion'],
    });
    expect(editedCard(card, fromFile, { qualities: ['Audace'] })).toEqual({ field: 'qualities', unknown: ['Audace'] });
    const edited = editedCard(card, fromFile, { skills: ['Accueillir'], note: 'Très motivée' });
    expect(edited).toEqual({ card: { ...card, skills: ['Accueillir'], note: 'Très motivée' } });
  });

  it('offers the labels on the card first, then the others of the file', () => {
    expect(cardChoices({ ...card, skills: ['Accueillir'] }, fromFile).skills).toEqual(['Accueillir', 'Encaisser']);
  });
});
