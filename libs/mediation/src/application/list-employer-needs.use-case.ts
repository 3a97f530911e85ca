import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, type CsvValue, frenchCsvDocument } from '@passerelle/core';
import type { Actor } from '@passerelle/identity';
import { needClock } from '../domain/employer-need.js';
import { EmployerAccess } from './employer-access.js';
import { EmployerNeedStore, type NeedRow } from './ports/employer-need-store.js';

/** A need received, against the 48-hour promise. */
export interface NeedView extends NeedRow {
  /** 48 hours after its receipt. */
  readonly dueAt: Date;
  /** The first candidate was sent after `dueAt`, or none has been by now and it has passed. */
  readonly overdue: boolean;
}

/** The needs employers posted to the actor's structures, newest first, each with its 48-hour clock. */
@Injectable()
export class ListEmployerNeeds {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployerAccess,
    private readonly clock: Clock,
    private readonly needs: EmployerNeedStore,
  ) {}

  async execute(actor: Actor): Promise<NeedView[]> {
    const structures = await this.access.structures(actor);
    const now = this.clock.now();
    const rows = await this.needs.list(this.dataSource.manager, structures);
    return rows.map((row) => ({ ...row, ...needClock(row.receivedAt, row.firstCandidateAt, now) }));
  }

  /** The needs as a French spreadsheet opens them; every text cell guarded against formulas (it is the employers' text). */
  static csv(needs: readonly NeedView[]): string {
    const at = (date: Date | null): string | null =>
      date ? date.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }) : null;
    const rows: CsvValue[][] = [
      [
        'Reçu le',
        'Échéance 48 h',
        'Premier·e candidat·e',
        'En retard',
        'Qualifié le',
        'Employeur',
        'SIRET',
        'Poste',
        'Lieu',
        'Horaires',
        'Début souhaité',
        'Contrat',
        'Ce qui compte',
        'Contact',
        'E-mail',
        'Téléphone',
      ],
      ...needs.map((need) => [
        at(need.receivedAt),
        at(need.dueAt),
        at(need.firstCandidateAt),
        need.overdue,
        at(need.qualifiedAt),
        need.employerName,
        need.siret,
        need.jobTitle,
        need.place,
        need.hours,
        need.startOn,
        need.contractType,
        need.whatMatters,
        need.contactName,
        need.contactEmail,
        need.contactPhone,
      ]),
    ];
    return frenchCsvDocument(rows);
  }
}
