import type { EntityManager } from 'typeorm';
import { DiagnosticStore, type StoredDiagnostic } from '../application/ports/diagnostic-store.js';
import type { Diagnostic } from '../domain/diagnostic.js';

/** Diagnostics in memory: one per person, written whole. */
export class InMemoryDiagnosticStore extends DiagnosticStore {
  readonly diagnostics = new Map<string, StoredDiagnostic & { readonly updatedBy: string }>();

  override find(_manager: EntityManager, beneficiaryId: string): Promise<StoredDiagnostic | null> {
    const stored = this.diagnostics.get(beneficiaryId);
    if (!stored) return Promise.resolve(null);
    const { updatedBy: _updatedBy, ...diagnostic } = stored;
    return Promise.resolve(diagnostic);
  }

  override save(_manager: EntityManager, beneficiaryId: string, diagnostic: Diagnostic, userId: string): Promise<void> {
    this.diagnostics.set(beneficiaryId, { ...diagnostic, updatedAt: new Date(), updatedBy: userId });
    return Promise.resolve();
  }
}
