import { describe, expect, it } from '@jest/globals';
import { draftAnalysisOf, needClock, readNeedForm } from './employer-need.js';

const TODAY = '2026-12-04';
const form = {
  jobTitle: ' Vendeur ',
  place: 'Lille',
  hours: 'Matin',
  contactName: 'Claire',
  contactPhone: '06 12 34 56 78',
};

describe('reading the need form', () => {
  it('trims the fields and takes an empty optional field as none', () => {
    const { fields, problems } = readNeedForm(
      { ...form, whatMatters: '  ', startOn: '' },
      {
        publicForm: false,
        today: TODAY,
      },
    );
    expect(problems).toEqual([]);
    expect(fields).toMatchObject({ jobTitle: 'Vendeur', whatMatters: null, startOn: null, companyName: null });
  });

  it('asks the public form for the company and a 14-digit SIRET (spaces allowed)', () => {
    const { problems } = readNeedForm({ ...form, siret: '123' }, { publicForm: true, today: TODAY });
    expect(problems.map((problem) => problem.field)).toEqual(['companyName', 'siret']);
    const ok = readNeedForm(
      { ...form, companyName: 'Garage', siret: '888 123 456 00012' },
      {
        publicForm: true,
        today: TODAY,
      },
    );
    expect(ok.problems).toEqual([]);
    expect(ok.fields.siret).toBe('88812345600012');
  });

  it('wants a way to call back, a start date not past and a contract from the list', () => {
    const { problems } = readNeedForm(
      { ...form, contactPhone: '', startOn: '2026-12-03', contractType: 'Stage' },
      { publicForm: false, today: TODAY },
    );
    expect(problems.map((problem) => [problem.field, problem.reason])).toEqual([
      ['startOn', 'not before 2026-12-04'],
      ['contractType', 'one of CDI, CDD, Intérim, Alternance, Saisonnier'],
      ['contactEmail', 'an e-mail or a phone number is required'],
    ]);
  });
});

describe('the 48-hour clock', () => {
  const received = new Date('2026-12-01T08:00:00Z');

  it('is due 48 hours after receipt and late only past it', () => {
    expect(needClock(received, null, new Date('2026-12-03T07:59:00Z'))).toEqual({
      dueAt: new Date('2026-12-03T08:00:00Z'),
      overdue: false,
    });
    expect(needClock(received, null, new Date('2026-12-03T08:01:00Z')).overdue).toBe(true);
  });

  it('stops at the first candidate sent', () => {
    expect(needClock(received, new Date('2026-12-02T10:00:00Z'), new Date('2026-12-10T00:00:00Z')).overdue).toBe(false);
    expect(needClock(received, new Date('2026-12-03T10:00:00Z'), new Date('2026-12-10T00:00:00Z')).overdue).toBe(true);
  });
});

it('keeps the employer’s words in the draft analysis', () => {
  const { fields } = readNeedForm(
    { ...form, startOn: '2027-01-04', contractType: 'CDD', whatMatters: 'Le sourire' },
    { publicForm: false, today: TODAY },
  );
  expect(draftAnalysisOf(fields)).toEqual({
    title: 'Vendeur',
    schedule: 'Matin',
    conditions:
      'Lieu : Lille\nDébut souhaité : 04/01/2027\nContrat souhaité : CDD\nCe qui compte pour l’employeur : Le sourire',
  });
});
