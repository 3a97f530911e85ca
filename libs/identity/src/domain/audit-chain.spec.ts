import { describe, expect, it } from '@jest/globals';
import { AUDIT_CHAIN_GENESIS, AuditChainWalk, auditRowHash, type ChainedAuditRow } from './audit-chain.js';

/** A chain of `n` sealed rows, as the database trigger would have sealed them. */
function chain(n: number): ChainedAuditRow[] {
  const rows: ChainedAuditRow[] = [];
  let prev = AUDIT_CHAIN_GENESIS;
  for (let i = 1; i <= n; i++) {
    const unsealed: ChainedAuditRow = {
      id: String(i + 10),
      seq: String(i),
      occurredAt: '2026-12-03T08:00:00.123456Z',
      actorUserId: '5b0e3c5e-8a8e-4a8e-9a8e-0c8e3c5e8a8e',
      actorStructureId: null,
      actorRoles: '{coach}',
      action: 'read',
      subjectType: 'beneficiary',
      subjectId: `person-${i}`,
      subjectStructureId: null,
      requestId: null,
      ip: '127.0.0.1',
      details: '{"part": "introduction"}',
      prevHash: prev,
      hash: null,
    };
    const hash = auditRowHash(unsealed, String(i), prev);
    rows.push({ ...unsealed, hash });
    prev = hash;
  }
  return rows;
}

const walk = (rows: ChainedAuditRow[], head = { seq: String(rows.length), hash: rows.at(-1)!.hash! }) => {
  const walker = new AuditChainWalk();
  for (const row of rows) walker.push(row);
  return walker.end(head);
};

describe('AuditChainWalk', () => {
  it('accepts an intact chain and counts it', () => {
    const walker = new AuditChainWalk();
    const rows = chain(3);
    for (const row of rows) expect(walker.push(row)).toBeNull();
    expect(walker.end({ seq: '3', hash: rows[2].hash! })).toBeNull();
    expect(walker.count).toBe(3);
  });

  it('names a row whose content changed', () => {
    const rows = chain(3);
    rows[1] = { ...rows[1], subjectId: 'someone-else' };
    expect(walk(rows)).toMatchObject({ kind: 'content', id: '12' });
  });

  it('tells a NULL from the text "-" and moves with a field boundary', () => {
    const rows = chain(1);
    expect(walk([{ ...rows[0], requestId: '-' }])).toMatchObject({ kind: 'content' });
    expect(walk([{ ...rows[0], action: 'rea', subjectType: 'dbeneficiary' }])).toMatchObject({ kind: 'content' });
  });

  it('finds a deleted row by the gap, and a rewritten one by its link', () => {
    const rows = chain(4);
    expect(walk([rows[0], rows[2], rows[3]])).toMatchObject({ kind: 'gap', id: '13' });
    const resealed = { ...rows[1], subjectId: 'x' };
    const rehashed = { ...resealed, hash: auditRowHash(resealed, '2', rows[0].hash!) };
    expect(walk([rows[0], rehashed, rows[2], rows[3]])).toMatchObject({ kind: 'link', id: '13' });
  });

  it('finds rows cut from the end against the head, and a rewound head against an anchor', () => {
    const rows = chain(4);
    expect(walk(rows.slice(0, 3), { seq: '4', hash: rows[3].hash! })).toMatchObject({ kind: 'truncated' });
    const anchored = new AuditChainWalk({ seq: '4', hash: rows[3].hash! });
    for (const row of rows.slice(0, 3)) anchored.push(row);
    expect(anchored.end({ seq: '3', hash: rows[2].hash! })).toMatchObject({ kind: 'anchor' });
  });

  it('refuses a row that was never sealed', () => {
    const rows = chain(2);
    expect(walk([rows[0], { ...rows[1], seq: null, hash: null, prevHash: null }])).toMatchObject({
      kind: 'unsealed',
      id: '12',
    });
  });
});
