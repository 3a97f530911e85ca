import type { EntityManager } from 'typeorm';
import type { ObjectiveInput, ObjectiveStatus, ObjectiveStep } from '../../domain/objective.js';

export interface ObjectiveView {
  readonly id: string;
  readonly title: string;
  readonly status: ObjectiveStatus;
  readonly dueOn: string | null;
  readonly barrierId: string | null;
  readonly cerId: string | null;
  readonly commitment: string | null;
  readonly steps: ObjectiveStep[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The person's action plan (`objective`), oldest first. */
export abstract class ObjectiveStore {
  abstract list(manager: EntityManager, beneficiaryId: string): Promise<ObjectiveView[]>;

  /** One objective of the person, or null. */
  abstract one(manager: EntityManager, beneficiaryId: string, objectiveId: string): Promise<ObjectiveView | null>;

  abstract insert(
    manager: EntityManager,
    beneficiaryId: string,
    input: ObjectiveInput,
    userId: string,
  ): Promise<string>;

  /** Rewrites the objective; false when the person has no such objective. */
  abstract update(
    manager: EntityManager,
    beneficiaryId: string,
    objectiveId: string,
    input: ObjectiveInput,
  ): Promise<boolean>;
}
