import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** A route's `:id`: a UUID, else 400 naming the field. */
export class IdParam {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') id!: string;
}
