import { describe, expect, it } from '@jest/globals';
import { type ObjectiveInput, objectiveProblems } from './objective.js';

const links = {
  barrierIds: ['b1'],
  cers: [{ id: 'c1', beneficiaryCommitments: ['Passer le permis B'], serviceCommitments: ['Financer le code'] }],
};
const base: ObjectiveInput = {
  title: 'Obtenir le permis B',
  status: 'planned',
  dueOn: '2027-06-30',
  barrierId: null,
  cerId: null,
  commitment: null,
  steps: [{ label: 'Inscription auto-école', dueOn: '2027-01-15', doneOn: null }],
};
const fields = (input: Partial<ObjectiveInput>) =>
  objectiveProblems({ ...base, ...input }, links, '2026-12-03').map((problem) => problem.field);

describe('objectives', () => {
  it('accepts an objective tied to a barrier and to a commitment of a CER (either side)', () => {
    expect(fields({ barrierId: 'b1', cerId: 'c1', commitment: 'Passer le permis B' })).toEqual([]);
    expect(fields({ cerId: 'c1', commitment: 'Financer le code' })).toEqual([]);
  });

  it('refuses another person’s barrier or CER, a commitment the CER does not state, or one without its CER', () => {
    expect(fields({ barrierId: 'b2' })).toEqual(['barrierId']);
    expect(fields({ cerId: 'c2', commitment: 'Passer le permis B' })).toEqual(['cerId']);
    expect(fields({ cerId: 'c1', commitment: 'Autre chose' })).toEqual(['commitment']);
    expect(fields({ commitment: 'Passer le permis B' })).toEqual(['cerId']);
  });

  it('refuses a blank title or step, a step done in the future, and more than 20 steps', () => {
    expect(fields({ title: '  ' })).toEqual(['title']);
    expect(fields({ steps: [{ label: ' ', dueOn: null, doneOn: '2026-12-04' }] })).toEqual([
      'steps.0.label',
      'steps.0.doneOn',
    ]);
    expect(fields({ steps: Array.from({ length: 21 }, () => base.steps[0]) })).toEqual(['steps']);
  });
});
