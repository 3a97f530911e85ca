/**
 * When a run's rejections say the run failed rather than the offers being bad. A source's offers
 * are rejected one by one for their own faults (no description, a place abroad): a few percent.
 * When nearly all of them are rejected for the same reason, the fault is ours or the source's as a
 * whole — reference data never imported (every place unknown), a page layout that changed (every
 * title missing) — and a run reported `succeeded` with 0 offers hides it. Such a run is failed,
 * with that reason, and closes nothing: not seeing an offer it could not read proves nothing.
 */
export const SYSTEMIC_REJECTION = {
  /**
   * Below this many offers a run is too small to judge: a board with 5 offers, 5 broken, is as
   * likely 5 odd pages, and its rejections are read one by one anyway.
   */
  minOffers: 20,
  /** 90 %: far above what a healthy source rejects (a few percent), and short of a run with nothing to keep. */
  minRejectedShare: 0.9,
  /** The most frequent reason must explain most rejections; many reasons mean many faulty offers. */
  minDominantShare: 0.5,
} as const;

/**
 * What a rejection is about, without its particulars: the field and the reason up to its first
 * colon, so "unknown place: 64 - Pau" and "unknown place: Lille" count as one reason.
 */
export function rejectionKind(field: string | null, reason: string): string {
  const general = reason.split(':')[0].trim();
  return field ? `${field}: ${general}` : general;
}

/** Hints for reasons with a usual cause, so the run's error says what to do. */
const HINTS: Record<string, string> = {
  'location: unknown place': 'is the reference data (communes) imported? run: npm run cli -- seed',
};

/** Counts a run's accepted and rejected offers, by reason, as they come. */
export class RejectionTally {
  private accepted = 0;
  private rejected = 0;
  private readonly kinds = new Map<string, { count: number; example: string }>();

  accept(): void {
    this.accepted += 1;
  }

  reject(field: string | null, reason: string): void {
    this.rejected += 1;
    const kind = rejectionKind(field, reason);
    const known = this.kinds.get(kind);
    if (known) known.count += 1;
    else this.kinds.set(kind, { count: 1, example: reason });
  }

  /** Why the run failed as a whole, or null when its rejections are the offers' own faults. */
  systemicFailure(): string | null {
    const total = this.accepted + this.rejected;
    if (total < SYSTEMIC_REJECTION.minOffers || this.rejected < total * SYSTEMIC_REJECTION.minRejectedShare)
      return null;
    const [kind, dominant] = [...this.kinds.entries()].reduce((best, entry) =>
      entry[1].count > best[1].count ? entry : best,
    );
    if (dominant.count <= this.rejected * SYSTEMIC_REJECTION.minDominantShare) return null;
    const hint = HINTS[kind];
    return (
      `${this.rejected} of ${total} offers rejected, ${dominant.count} for the same reason: ${kind} ` +
      `(e.g. ${JSON.stringify(dominant.example)})` +
      (hint ? `; ${hint}` : '')
    );
  }
}
