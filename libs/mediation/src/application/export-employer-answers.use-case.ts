import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  type ExportedEmployerAnswer,
  type ExportedEmployerExchange,
  PersonEmployerAnswersStore,
} from './ports/person-employer-answers-store.js';

/**
 * What employers said about one person, for their export (right of access): each answer to a card
 * link or a shortlist (the answer, the reason, the interview, their words) and the exchanges on a
 * shortlist (the employer's questions and the replies the service sent them: said to a third party
 * about the person, so theirs to read). Left out as not the person's data: the employer's contact
 * (a third party's name and address), who on the staff sent or replied (the access log says who
 * read the file), the viewers' addresses and the links' tokens. The caller has checked access: only
 * the person's export, made by their referent, calls this.
 */
@Injectable()
export class ExportEmployerAnswers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PersonEmployerAnswersStore,
  ) {}

  async execute(
    beneficiaryId: string,
  ): Promise<{ answers: ExportedEmployerAnswer[]; exchanges: ExportedEmployerExchange[] }> {
    const manager = this.dataSource.manager;
    return {
      answers: await this.store.answers(manager, beneficiaryId),
      exchanges: await this.store.exchanges(manager, beneficiaryId),
    };
  }
}
