import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PmsmpObjective, PmsmpSignatures, PmsmpStatus } from '../domain/pmsmp-convention.js';
import {
  type PmsmpParties,
  PmsmpConventionStore,
  type PmsmpSuggestion,
  type StoredPmsmpConvention,
} from './ports/pmsmp-convention-store.js';

/**
 * An introduction's PMSMP convention as the mediation screens show it: saved, or (not saved yet)
 * started from what the introduction knows (trial dates, the job analysis's tasks and schedule, the
 * employer's first contact as tutor).
 */
export interface PmsmpConventionView {
  readonly introductionId: string;
  readonly saved: boolean;
  readonly status: PmsmpStatus;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly weeklyHours: number | null;
  readonly schedule: string | null;
  readonly workplace: string | null;
  readonly tasks: readonly string[];
  readonly skillsToObserve: readonly string[];
  readonly objective: PmsmpObjective | null;
  readonly tutorName: string | null;
  readonly tutorRole: string | null;
  readonly tutorPhone: string | null;
  readonly tutorEmail: string | null;
  readonly signatures: PmsmpSignatures;
  readonly parties: PmsmpParties;
  readonly updatedAt: Date | null;
}

export function pmsmpConventionView(
  introductionId: string,
  stored: StoredPmsmpConvention | null,
  suggestion: PmsmpSuggestion,
  parties: PmsmpParties,
): PmsmpConventionView {
  if (stored)
    return {
      introductionId,
      saved: true,
      status: stored.status,
      ...stored.terms,
      signatures: stored.signatures,
      parties,
      updatedAt: stored.updatedAt,
    };
  return {
    introductionId,
    saved: false,
    status: 'draft',
    ...suggestion,
    weeklyHours: null,
    skillsToObserve: [],
    objective: null,
    signatures: { person: null, employer: null, prescriber: null },
    parties,
    updatedAt: null,
  };
}

/** Reads an introduction's convention with its parties (the caller has checked access). */
@Injectable()
export class PmsmpConventionViews {
  constructor(private readonly conventions: PmsmpConventionStore) {}

  async of(manager: EntityManager, introductionId: string): Promise<PmsmpConventionView> {
    const [stored, suggestion, parties] = await Promise.all([
      this.conventions.find(manager, introductionId),
      this.conventions.suggestion(manager, introductionId),
      this.conventions.parties(manager, introductionId),
    ]);
    return pmsmpConventionView(introductionId, stored, suggestion, parties);
  }
}
