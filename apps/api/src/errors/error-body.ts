import { ApiProperty } from '@nestjs/swagger';

export class ErrorDetailResponse {
  @ApiProperty({ example: 'email' }) field!: string;
  @ApiProperty({ example: 'must be an email' }) reason!: string;
}

/** The one shape of every error the API answers. */
export class ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'the request is not valid' }) message!: string;
  @ApiProperty({ required: false, example: 'user.not_found', description: 'stable machine code' }) code?: string;
  @ApiProperty({ type: [ErrorDetailResponse] }) details!: ErrorDetailResponse[];
}
