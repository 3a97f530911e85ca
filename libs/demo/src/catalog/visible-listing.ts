import type { DemoState } from '../control/demo-state.js';
import type { CatalogEntry } from './demo-catalog.js';

/**
 * A platform's listing without its dropped offers, with each offer's position, recomputed only when
 * the dropped set changes: boards of 10,000+ offers answer pages without rescanning them.
 */
export class VisibleListing {
  private version = -1;
  private visible: readonly CatalogEntry[] = [];
  private positions = new Map<string, number>();

  constructor(
    private readonly all: readonly CatalogEntry[],
    private readonly state: DemoState,
  ) {}

  private refresh(): void {
    if (this.version === this.state.droppedVersion) return;
    const dropped = this.state.dropped;
    this.visible = dropped.size === 0 ? this.all : this.all.filter((entry) => !dropped.has(entry.id));
    this.positions = new Map(this.visible.map((entry, position) => [entry.id, position]));
    this.version = this.state.droppedVersion;
  }

  entries(): readonly CatalogEntry[] {
    this.refresh();
    return this.visible;
  }

  /** The offer's position in the visible listing, or undefined when it is not listed. */
  positionOf(id: string): number | undefined {
    this.refresh();
    return this.positions.get(id);
  }
}
