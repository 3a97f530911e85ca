import { describe, expect, it } from '@jest/globals';
import { excludedFlags, scheduleFlags } from './schedule.js';

describe('schedule flags of an offer text', () => {
  it.each([
    ['Agent de sécurité H/F – postes de nuit, 21h-7h', ['night']],
    ['Veilleur de nuit en EHPAD', ['night']],
    ['Travail un week-end sur deux', ['weekend']],
    ['Ouvert le dimanche et les jours fériés', ['weekend']],
    ['Horaires décalés, travail en 3x8', ['shifted_hours']],
    ['Prise de poste dès 5h, horaires en coupure', ['shifted_hours']],
    ['Du lundi au vendredi, 9h-17h', []],
    ['Nuit et week-end, en 2x8', ['night', 'weekend', 'shifted_hours']],
  ])('%s', (text, flags) => {
    expect(scheduleFlags(text)).toEqual(flags);
  });

  it('does not read "nuisible" or "dimanche matin livré" as night or week-end work', () => {
    expect(scheduleFlags('Traitement des nuisibles, livraison dimanche matin possible')).toEqual([]);
  });

  it('turns constraints into the flags they exclude', () => {
    expect(excludedFlags(['no_night'])).toEqual(['night']);
    expect(excludedFlags(['no_night', 'school_hours'])).toEqual(['night', 'weekend', 'shifted_hours']);
    expect(excludedFlags([])).toEqual([]);
  });
});
