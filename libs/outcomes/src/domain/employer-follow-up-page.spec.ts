import { describe, expect, it } from '@jest/globals';
import { employerFollowUpAnsweredPage } from './employer-follow-up-page.js';

const acknowledged = (recipients: readonly (string | null)[]): string =>
  employerFollowUpAnsweredPage({
    job: {
      person: 'Jeannine N.',
      employerName: 'Boulangerie',
      job: 'Vendeur (CDD)',
      startDate: '2026-10-01',
      milestone: 'm1',
    },
    answer: { inJob: true, endDate: null, endReason: null, remark: null },
    answeredAt: new Date('2026-12-04T10:00:00Z'),
    recipients,
    again: false,
  });

describe('the employer follow-up acknowledgement', () => {
  it('names who heard the answer, and says « the team » for one whose name is not shown', () => {
    expect(acknowledged(['Sacha Lemaire', 'Camille Martin'])).toContain(
      'transmise à Sacha Lemaire et Camille Martin le',
    );
    expect(acknowledged([null, 'Camille Martin'])).toContain(
      'transmise à Camille Martin et l’équipe qui suit ce recrutement le',
    );
    expect(acknowledged([null, null])).toContain('transmise à l’équipe qui suit ce recrutement le');
    expect(acknowledged([])).toContain('transmise à l’équipe qui suit ce recrutement le');
  });
});
