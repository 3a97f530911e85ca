import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RankPeopleForOffer } from '@passerelle/coaching';
import type { Actor } from '@passerelle/identity';
import type { MatchedOffer } from '@passerelle/matching';
import { distanceBand } from '../domain/pseudonymous-candidate.js';
import { CandidateRequests, named, pseudonym, pseudonymous } from './candidate-requests.js';
import {
  CandidateRequestStore,
  type CandidateRequestStatus,
  type OfferSummary,
} from './ports/candidate-request-store.js';

/** Why the person ranks where they do; coarse while they are a pseudonym (pseudonymous-candidate.ts). */
export interface CandidateExplanation {
  readonly matchingSkills: string[];
  readonly missingCoreSkills: string[];
  readonly occupationPath: string | null;
  /** To 0.1 km once revealed; null while pseudonymised. */
  readonly distanceKm: number | null;
  /** Always given, e.g. "de 5 à 10 km". */
  readonly distanceBand: string;
  /** The score's parts once revealed; null while pseudonymised (with the score, they give back the distance). */
  readonly parts: MatchedOffer['explanation']['parts'] | null;
}

/**
 * One person ranked for an offer. Until their coach agrees (or for anyone but that coach), the
 * person is a pseudonym: `ref` is stable for this offer only, so lists of two offers cannot be
 * joined, and no name, id, commune, exact distance or referent's name is given.
 */
export interface OfferCandidate {
  readonly ref: string;
  readonly label: string;
  readonly revealed: boolean;
  readonly beneficiaryId: string | null;
  readonly score: number;
  readonly explanation: CandidateExplanation;
  readonly availabilityDate: string | null;
  readonly offersProposed: number;
  readonly openIntroductions: number;
  /** Whether a coach follows the person (a request needs one to answer). */
  readonly hasReferent: boolean;
  /** Named once revealed; null while pseudonymised, or when there is no referent. */
  readonly referentName: string | null;
  /** The coach is the one asking: they propose directly. */
  readonly ownPortfolio: boolean;
  readonly proposed: boolean;
  readonly request: { readonly id: string; readonly status: CandidateRequestStatus; readonly at: Date } | null;
}

/**
 * Candidates for an offer (reverse matching): the mediator sees the people of their structures
 * ranked by the matcher, pseudonymised until their coach agrees (their own people are named).
 */
@Injectable()
export class ListOfferCandidates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: RankPeopleForOffer,
    private readonly candidates: CandidateRequests,
    private readonly requestStore: CandidateRequestStore,
  ) {}

  async execute(
    actor: Actor,
    offerId: string,
    limit: number,
  ): Promise<{ offer: OfferSummary; items: OfferCandidate[] }> {
    // The offer's check, the people in reach and what the list shows besides them are read side by
    // side (one round trip instead of four in a row); nobody is ranked, or audited as listed, before
    // the offer is known to be open.
    const opened = this.candidates.openOffer(offerId);
    const requestsRead = this.requestStore.ofOffer(this.dataSource.manager, offerId);
    const keyRead = this.candidates.pseudonymKey();
    // Each is awaited below, where a failure is the caller's.
    for (const read of [opened, requestsRead, keyRead]) void read.catch(() => undefined);
    const people = await this.people.execute(actor, offerId, limit, opened);
    const [offer, requests, key] = await Promise.all([opened, requestsRead, keyRead]);
    const byPerson = new Map(requests.map((request) => [request.beneficiary_id, request]));
    return {
      offer,
      items: people.map((person) => {
        const request = byPerson.get(person.beneficiaryId);
        const ownPortfolio = person.referentUserId === actor.userId;
        const revealed = ownPortfolio || request?.status === 'agreed';
        const ref = pseudonym(key, offerId, person.beneficiaryId);
        const { distanceKm, parts, place, ...explanation } = person.match.explanation;
        // An offer placed only by its area has no distance to band: its area says no more of the person.
        const band = distanceKm === null ? place : distanceBand(distanceKm);
        return {
          ref,
          label: revealed ? named(person.firstName, person.lastName) : pseudonymous(ref),
          revealed,
          beneficiaryId: revealed ? person.beneficiaryId : null,
          score: person.match.score,
          explanation: {
            ...explanation,
            distanceKm: revealed ? distanceKm : null,
            // `à 12,4 km` would give the distance back.
            place: revealed ? place : band,
            distanceBand: band,
            parts: revealed ? parts : null,
          },
          availabilityDate: person.availabilityDate,
          offersProposed: person.offersProposed,
          openIntroductions: person.openIntroductions,
          hasReferent: person.referentUserId !== null,
          referentName: revealed ? person.referentName : null,
          ownPortfolio,
          proposed: person.proposed,
          request: request ? { id: request.id, status: request.status, at: request.created_at } : null,
        };
      }),
    };
  }
}
