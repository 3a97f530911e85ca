import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Omittable } from '../common/omittable.decorator.js';
import { AUTOCOMPLETE_KINDS, type AutocompleteKind, MAX_SUGGESTIONS, ReferentialIndex } from '@passerelle/referential';
import { Authenticated } from '../auth/access.decorators.js';
import { SUGGESTION_RESPONSES, type SuggestionResponse } from './referential.response.dto.js';

export class AutocompleteKindParam {
  @ApiProperty({ enum: ['occupations', 'appellations', 'skills', 'communes'] })
  @IsIn(['occupations', 'appellations', 'skills', 'communes'])
  kind!: 'occupations' | 'appellations' | 'skills' | 'communes';
}

export class AutocompleteQuery {
  @ApiProperty({ example: 'aide soi', description: 'the start of a word, accents and case ignored' })
  @IsString()
  @Length(1, 100)
  q!: string;

  @ApiPropertyOptional({ default: 10, maximum: MAX_SUGGESTIONS })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SUGGESTIONS)
  limit = 10;
}

const KINDS: Record<AutocompleteKindParam['kind'], AutocompleteKind> = {
  occupations: 'occupation',
  appellations: 'appellation',
  skills: 'skill',
  communes: 'commune',
};

/**
 * Prefix autocomplete on the reference data, answered from memory (called on every keystroke):
 * ROME occupations and job titles, skills, communes (largest first).
 */
@ApiTags('referential')
@ApiExtraModels(...SUGGESTION_RESPONSES)
@Controller('referential')
export class ReferentialController {
  constructor(private readonly index: ReferentialIndex) {}

  @Get(':kind')
  @Authenticated()
  @ApiParam({ name: 'kind', enum: Object.keys(KINDS) })
  @ApiOkResponse({
    description: `suggestions of the kind asked for: ${AUTOCOMPLETE_KINDS.join(', ')}`,
    schema: {
      type: 'array',
      items: {
        oneOf: SUGGESTION_RESPONSES.map((model) => ({ $ref: getSchemaPath(model) })),
        discriminator: { propertyName: 'kind' },
      },
    },
  })
  async autocomplete(
    @Param() params: AutocompleteKindParam,
    @Query() query: AutocompleteQuery,
  ): Promise<SuggestionResponse[]> {
    await this.index.load();
    return this.index.autocomplete(KINDS[params.kind], query.q, query.limit);
  }
}
