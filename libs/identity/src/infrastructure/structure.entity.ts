import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { StructureKind } from '../domain/roles.js';
import type { Structure } from '../application/ports/structure-store.js';

@Entity({ name: 'structure' })
export class StructureEntity implements Structure {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') kind!: StructureKind;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
