import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { MatchOffers } from '@passerelle/matching';
import { RecheckAlongside, RequireAction } from '../auth/access.decorators.js';
import { ErrorResponse } from '../errors/error-body.js';
import { MatchSearchRequest } from './matching.dto.js';
import { MatchResponse } from './matching.response.dto.js';

@ApiTags('matching')
@Controller('matching')
export class MatchingController {
  constructor(private readonly match: MatchOffers) {}

  /** Offers ranked for a person's transferable skills, each with its 0–100 score and why. */
  @Post('search')
  @RequireAction('offers.read')
  // Reads only the profile in the body and the offers index: Meilisearch works while the user and
  // session are re-read, and the answer waits for both (a refusal wins).
  @RecheckAlongside()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MatchResponse, description: 'ranked offers with their explanation' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'a ROME code, skill or commune the referential does not know',
  })
  search(@Body() body: MatchSearchRequest): Promise<MatchResponse> {
    return this.match.execute(body.profile, body.filters ?? {}, { limit: body.limit, offset: body.offset });
  }
}
