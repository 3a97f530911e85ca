import { describe, expect, it } from '@jest/globals';
import { employerAnsweredMessage, jobLabel, readEmployerFollowUpForm } from './employer-follow-up.js';

const job = { startDate: '2026-10-01', today: '2026-12-04' };

describe('the employer follow-up form', () => {
  it('takes « oui » with an optional remark, trimmed, and ignores an end given with it', () => {
    expect(readEmployerFollowUpForm({ stillEmployed: 'oui', endDate: '2026-11-01', remark: '  RAS  ' }, job)).toEqual({
      answer: { inJob: true, endDate: null, endReason: null, remark: 'RAS' },
      problems: [],
    });
  });

  it('takes « non » with an end date between the start and today and a known reason', () => {
    expect(
      readEmployerFollowUpForm({ stillEmployed: 'non', endDate: '2026-10-01', endReason: 'trial_period_end' }, job)
        .answer,
    ).toEqual({ inJob: false, endDate: '2026-10-01', endReason: 'trial_period_end', remark: null });
  });

  it('names each field in trouble: no answer, an end missing, impossible or out of range, an unknown reason, a long remark', () => {
    const fields = (form: Record<string, string>) => readEmployerFollowUpForm(form, job).problems.map((p) => p.field);
    expect(fields({})).toEqual(['stillEmployed']);
    expect(fields({ stillEmployed: 'peut-être' })).toEqual(['stillEmployed']);
    expect(fields({ stillEmployed: 'non' })).toEqual(['endDate', 'endReason']);
    expect(fields({ stillEmployed: 'non', endDate: '2026-11-31', endReason: 'resignation' })).toEqual(['endDate']);
    expect(fields({ stillEmployed: 'non', endDate: '2026-09-30', endReason: 'resignation' })).toEqual(['endDate']);
    expect(fields({ stillEmployed: 'non', endDate: '2026-12-05', endReason: 'resignation' })).toEqual(['endDate']);
    expect(fields({ stillEmployed: 'non', endDate: '2026-11-02', endReason: 'fired' })).toEqual(['endReason']);
    expect(fields({ stillEmployed: 'oui', remark: 'x'.repeat(1001) })).toEqual(['remark']);
    expect(fields({ stillEmployed: 'oui', remark: 'x'.repeat(1000) })).toEqual([]);
  });

  it('takes the end date as a French employer writes it (JJ/MM/AAAA, one-digit day or month, dots or dashes) or as ISO', () => {
    const end = (endDate: string) =>
      readEmployerFollowUpForm({ stillEmployed: 'non', endDate, endReason: 'resignation' }, job).answer?.endDate;
    expect(end('02/11/2026')).toBe('2026-11-02');
    expect(end('2/11/2026')).toBe('2026-11-02');
    expect(end(' 02.11.2026 ')).toBe('2026-11-02');
    expect(end('02-11-2026')).toBe('2026-11-02');
    expect(end('2026-11-02')).toBe('2026-11-02');
    // Day first, never month first: 11/02 is the 11th of February, before the start here.
    expect(end('11/02/2026')).toBeUndefined();
  });

  it('names the field in French in every problem about the date, and says the format expected', () => {
    const messages = (endDate: string) =>
      readEmployerFollowUpForm({ stillEmployed: 'non', endDate, endReason: 'resignation' }, job).problems.map(
        (problem) => problem.message,
      );
    for (const endDate of ['', '31/11/2026', '11/31/2026', 'hier', '30/09/2026', '05/12/2026'])
      expect(messages(endDate)).toEqual([expect.stringMatching(/^Date de fin : /) as unknown as string]);
    expect(messages('11/31/2026')[0]).toContain('JJ/MM/AAAA');
    expect(messages('hier')[0]).toContain('« hier »');
  });

  it('names the job by the offer when there is one, else by the contract', () => {
    expect(jobLabel('Vendeur en boulangerie', 'cdd')).toBe('Vendeur en boulangerie (CDD)');
    expect(jobLabel(null, 'interim')).toBe('Mission d’intérim');
  });

  it('tells the staff the gist without a welfare word', () => {
    const message = employerAnsweredMessage({
      employerName: 'Boulangerie Paul',
      person: 'Jeannine N.',
      milestone: 'm3',
      answer: { inJob: false, endDate: '2026-11-02', endReason: 'resignation', remark: 'x' },
    });
    expect(message).toBe(
      'Boulangerie Paul a répondu au suivi M+3 de Jeannine N. : a quitté le poste le 02/11/2026 (démission), avec un message.',
    );
  });
});
