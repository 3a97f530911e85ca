import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@passerelle/identity';
import { EmployerAccess } from './employer-access.js';
import { EmployerStore } from './ports/employer-store.js';

/** A person to talk to at the employer (the e-mail, lower-cased, is where a card link may go). */
@Injectable()
export class AddEmployerContact {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployerAccess,
    private readonly employers: EmployerStore,
  ) {}

  async execute(
    actor: Actor,
    employerId: string,
    input: { name: string; role?: string; phone?: string; email?: string },
  ): Promise<{ id: string }> {
    await this.access.open(actor, employerId);
    return this.employers.addContact(this.dataSource.manager, employerId, {
      name: input.name.trim(),
      role: input.role ?? null,
      phone: input.phone ?? null,
      email: input.email?.toLowerCase() ?? null,
    });
  }
}
