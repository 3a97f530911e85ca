import { describe, expect, it } from '@jest/globals';
import { Controller, Get, Post } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Public, RequireAction } from './access.decorators.js';
import { assertEveryRouteHasAnAccessRule } from './route-access-check.js';

@Controller('open')
class GuardedController {
  @Get() @Public() list(): string {
    return 'ok';
  }

  @Post() @RequireAction('users.manage') create(): string {
    return 'ok';
  }
}

@Controller('forgotten')
class ForgottenController {
  @Get() @Public() fine(): string {
    return 'ok';
  }

  @Post() oops(): string {
    return 'open by mistake';
  }
}

async function check(controllers: Array<new () => object>): Promise<void> {
  const moduleRef = await Test.createTestingModule({ imports: [DiscoveryModule], controllers }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  try {
    assertEveryRouteHasAnAccessRule(app);
  } finally {
    await app.close();
  }
}

describe('assertEveryRouteHasAnAccessRule', () => {
  it('accepts controllers whose every route names its access rule', async () => {
    await expect(check([GuardedController])).resolves.toBeUndefined();
  });

  it('refuses to start with a route that has no access rule, naming it', async () => {
    await expect(check([GuardedController, ForgottenController])).rejects.toThrow(
      'routes without an access rule: ForgottenController.oops',
    );
  });
});
