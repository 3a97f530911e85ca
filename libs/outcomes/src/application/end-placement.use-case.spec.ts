import { Clock } from '@passerelle/core';
import { inMemoryDataSource } from '../../../core/src/testing/index.js';
import { aCoach, aPlacement, InMemoryFollowUpStore, InMemoryPlacementStore } from '../testing/index.js';
import { EndPlacement } from './end-placement.use-case.js';

describe('EndPlacement', () => {
  const coach = aCoach();
  let placements: InMemoryPlacementStore;
  let end: EndPlacement;

  beforeEach(() => {
    const clock = new Clock();
    clock.set(new Date('2026-05-20T10:00:00Z'));
    placements = new InMemoryPlacementStore(new InMemoryFollowUpStore());
    end = new EndPlacement(inMemoryDataSource(), clock, placements);
  });

  it('refuses an end before the start and one in the future (field endDate), and keeps the job running', async () => {
    const placement = aPlacement({ start_date: '2026-03-10', referent_user_id: coach.userId });
    placements.given(placement);
    await expect(
      end.execute(coach, placement.id, { endDate: '2026-03-09', reason: 'resignation' }),
    ).rejects.toMatchObject({ code: 'placement.end_before_start', details: [{ field: 'endDate' }] });
    await expect(
      end.execute(coach, placement.id, { endDate: '2026-05-21', reason: 'resignation' }),
    ).rejects.toMatchObject({ code: 'placement.end_in_future', details: [{ field: 'endDate' }] });
    expect(placements.placements.get(placement.id)?.end_date).toBeNull();
  });

  it('records the end for the referent coach or the placement’s author, and no one else', async () => {
    const placement = aPlacement({ start_date: '2026-03-10', created_by: coach.userId });
    placements.given(placement);
    await expect(
      end.execute(aCoach(), placement.id, { endDate: '2026-05-20', reason: 'contract_end' }),
    ).rejects.toMatchObject({ code: 'placement.not_found' });
    await expect(
      end.execute(coach, placement.id, { endDate: '2026-05-20', reason: 'contract_end' }),
    ).resolves.toMatchObject({ endDate: '2026-05-20', endReason: 'contract_end' });
  });
});
