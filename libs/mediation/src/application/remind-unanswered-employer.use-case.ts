import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RecordNotification } from '@passerelle/coaching';
import { Mailer } from '@passerelle/core';
import { reminderMessage } from '../domain/card-link.js';
import { CardLinkStore } from './ports/card-link-store.js';
import { IntroductionStore } from './ports/introduction-store.js';

/**
 * The delayed reminder of a card link: when the employer has not answered since the link was sent
 * (and the introduction still waits on them), the mediator who sent it is notified, in the app and
 * by e-mail.
 */
@Injectable()
export class RemindUnansweredEmployer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: CardLinkStore,
    private readonly introductions: IntroductionStore,
    private readonly notifications: RecordNotification,
    private readonly mailer: Mailer,
  ) {}

  async execute(introductionId: string, linkId: string): Promise<'reminded' | 'answered' | 'moved_on'> {
    const manager = this.dataSource.manager;
    const link = await this.links.reminderTarget(manager, linkId, introductionId);
    if (!link || link.revokedAt || link.status !== 'card_sent') return 'moved_on';
    if (await this.introductions.answeredSince(manager, introductionId, link.createdAt)) return 'answered';
    const message = reminderMessage(link.employerName, link.createdAt);
    const inserted = await this.notifications.execute([
      {
        userId: link.createdBy,
        kind: 'employer_no_answer',
        subjectType: 'introduction',
        subjectId: introductionId,
        message,
      },
    ]);
    if (inserted.length > 0)
      await this.mailer.send({
        to: link.email,
        subject: 'Relance employeur à faire',
        text: message,
        aboutPersonId: link.beneficiaryId,
      });
    return 'reminded';
  }
}
