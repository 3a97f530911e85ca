import { describe, expect, it } from '@jest/globals';
import { API_ERRORS } from './error-codes';
import {
  codeMessage,
  dateProblem,
  detailInFrench,
  fieldLabel,
  lengthCounter,
  problemInFrench,
  reasonInFrench,
  searchable,
} from './errors-fr';

describe('the French catalogue of API errors', () => {
  it.each([
    ['note must be shorter than or equal to 2000 characters', 'au plus 2000 caractères'],
    ['note must not be blank', 'ne peut pas être vide'],
    ['note must be longer than or equal to 1 characters', 'ne peut pas être vide'],
    ['must not be in the future', 'ne peut pas être dans le futur'],
    ['before the orientation date', 'ne peut pas précéder la date d’orientation'],
    ['must not be before occurredOn', 'ne peut pas être antérieure à la date de début'],
    ['employerSiret must be 14 digits', 'doit comporter 14 chiffres'],
    ['kind must be one of the following values: meeting, call', 'choisissez une valeur de la liste'],
    ['occurredOn must be a date YYYY-MM-DD', 'date attendue (JJ/MM/AAAA)'],
    ['portfolio full (40/40)', 'portefeuille complet (40/40)'],
    ['property foo should not exist', 'champ inattendu'],
  ])('says %j in French', (reason, french) => {
    expect(reasonInFrench(reason)).toBe(french);
  });

  it('never passes an unknown English reason through', () => {
    expect(reasonInFrench('the frobnicator is not aligned')).toBe('valeur refusée : vérifiez ce champ');
  });

  it('names fields by their French label, the top part of a dotted field included', () => {
    expect(fieldLabel('occurredOn')).toBe('Date');
    expect(fieldLabel('skills.0.code')).toBe('Compétences');
    expect(fieldLabel('unheardOf')).toBeNull();
    expect(detailInFrench({ field: 'note', reason: 'note must not be blank' })).toBe('Note : ne peut pas être vide');
  });

  it('describes a refused request by its code, then each field, all in French', () => {
    expect(
      problemInFrench({
        status: 400,
        code: 'event.invalid',
        message: 'this journal entry is inconsistent',
        details: [{ field: 'occurredOn', reason: 'must not be in the future' }],
      }),
    ).toBe('Cette entrée du journal n’est pas cohérente. Date : ne peut pas être dans le futur.');
    expect(
      problemInFrench({
        status: 400,
        code: null,
        message: 'the request is not valid',
        details: [{ field: 'note', reason: 'note must be shorter than or equal to 2000 characters' }],
      }),
    ).toBe('Corrigez les champs signalés. Note : au plus 2000 caractères.');
    expect(problemInFrench({ status: 409, code: 'some.new_code', message: 'English', details: [] })).toBe(
      'Cette action entre en conflit avec l’état actuel.',
    );
    expect(problemInFrench({ status: 403, code: null, message: 'forbidden', details: [] })).toBe(
      'Vous n’avez pas accès à cette action.',
    );
  });

  it('says each code in the French its catalogue declares, and nothing for a code it does not know', () => {
    expect(codeMessage('user.email_taken')).toBe(API_ERRORS['user.email_taken'].fr);
    expect(codeMessage('some.new_code')).toBeUndefined();
    expect(codeMessage('toString')).toBeUndefined();
    expect(codeMessage(null)).toBeUndefined();
    expect(
      problemInFrench({
        status: 422,
        code: 'placement.end_before_start',
        message: 'the job ends before it starts',
        details: [{ field: 'endDate', reason: 'before the start 2026-03-01' }],
      }),
    ).toBe('L’emploi ne peut pas finir avant d’avoir commencé. Date de fin : ne peut pas précéder la date de début.');
    expect(problemInFrench({ status: 401, code: 'auth.invalid_credentials', message: 'wrong', details: [] })).toBe(
      'Votre session a expiré : reconnectez-vous.',
    );
  });

  it('counts characters against a limit, in French figures, and says how many are too many', () => {
    expect(lengthCounter(120, 2000)).toEqual({ over: false, text: '120 / 2\u202f000 caractères' });
    expect(lengthCounter(2050, 2000)).toEqual({ over: true, text: '2\u202f050 / 2\u202f000 caractères : 50 de trop' });
  });

  it('refuses a future date and an end before its start, as the API does', () => {
    expect(dateProblem('2026-12-04', { notAfter: '2026-12-03' })).toBe('ne peut pas être dans le futur');
    expect(dateProblem('2026-12-03', { notAfter: '2026-12-03' })).toBeNull();
    expect(dateProblem('2026-01-01', { notBefore: '2026-02-01' })).toBe(
      'ne peut pas être antérieure à la date de début',
    );
    expect(dateProblem('', { required: true })).toBe('ce champ est obligatoire');
    expect(dateProblem('', {})).toBeNull();
  });

  it('searches without accents or case', () => {
    expect(searchable('Leïla BENALI')).toBe('leila benali');
    expect(searchable('Hélène Œuvré')).toContain('helene');
    expect(searchable('  Leïla ').includes(searchable('leila'))).toBe(true);
  });
});
