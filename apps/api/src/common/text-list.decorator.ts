import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsString, Length } from 'class-validator';

/** A list of at most `max` short texts (commitments, tasks, tools, requirements). */
export const TextList = (max: number, length = 500): PropertyDecorator =>
  applyDecorators(IsArray(), ArrayMaxSize(max), IsString({ each: true }), Length(1, length, { each: true }));
