import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UserStore } from './ports/user-store.js';

/** The id of the account with this e-mail (case and spaces ignored), for operators' commands; null when none. */
@Injectable()
export class FindUserByEmail {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserStore,
  ) {}

  execute(email: string): Promise<string | null> {
    return this.users.idByEmail(this.dataSource.manager, email.trim().toLowerCase());
  }
}
