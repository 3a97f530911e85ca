import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { UserEntity } from '../infrastructure/user.entity.js';

/** The id of the account with this e-mail (case and spaces ignored), for operators' commands; null when none. */
@Injectable()
export class FindUserByEmail {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async execute(email: string): Promise<string | null> {
    const user = await this.users.findOne({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
    return user?.id ?? null;
  }
}
