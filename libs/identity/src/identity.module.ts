import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthenticateRequest } from './application/authenticate-request.use-case.js';
import { AuthenticateWithPassword } from './application/authenticate-with-password.use-case.js';
import { EncryptTotpSecrets } from './application/encrypt-totp-secrets.use-case.js';
import { EnsureFirstAdmin } from './application/ensure-first-admin.use-case.js';
import { ForgetSessionTraces } from './application/forget-session-traces.use-case.js';
import { LoginWithSso } from './application/login-with-sso.use-case.js';
import { ManageSettings } from './application/manage-settings.use-case.js';
import { CreateStructure, ReadStructures } from './application/manage-structures.use-case.js';
import { ConfirmTotpEnrolment, RemoveTotp, StartTotpEnrolment } from './application/manage-totp.use-case.js';
import {
  ChangeOwnPassword,
  CreateUser,
  ReadUsers,
  ResetPassword,
  UpdateUser,
} from './application/manage-users.use-case.js';
import { FindUserByEmail } from './application/find-user-by-email.use-case.js';
import { NewPasswordCheck } from './application/new-password-check.js';
import { QueryAuditLog } from './application/query-audit-log.use-case.js';
import { RefreshSession } from './application/refresh-session.use-case.js';
import { RevokeSession } from './application/revoke-session.use-case.js';
import { SessionIssuer } from './application/session-issuer.js';
import { StructureTree } from './application/structure-tree.js';
import { VerifyAuditChain } from './application/verify-audit-chain.use-case.js';
import { AuditChainReader } from './application/ports/audit-chain-reader.js';
import { AuditEventReader } from './application/ports/audit-event-reader.js';
import { AuditLog } from './application/ports/audit-log.js';
import { CommonPasswords } from './application/ports/common-passwords.js';
import { LoginThrottle } from './application/ports/login-throttle.js';
import { OidcClient } from './application/ports/oidc-client.js';
import { PasswordHasher } from './application/ports/password-hasher.js';
import { RefreshTokenStore } from './application/ports/refresh-token-store.js';
import { RequestAccess } from './application/ports/request-access.js';
import { SessionTraceStore } from './application/ports/session-trace-store.js';
import { StructureStore } from './application/ports/structure-store.js';
import { TokenService } from './application/ports/token-service.js';
import { TotpSecretCipher } from './application/ports/totp-secret-cipher.js';
import { UserDirectory } from './application/ports/user-directory.js';
import { UserStore } from './application/ports/user-store.js';
import { AuditEventEntity } from './infrastructure/audit-event.entity.js';
import { SqlAuditChainReader } from './infrastructure/audit-chain-reader.js';
import { SqlAuditEventReader } from './infrastructure/audit-event-reader.js';
import { SqlAuditLog } from './infrastructure/audit-log.js';
import { ZxcvbnCommonPasswords } from './infrastructure/common-passwords.js';
import { RedisLoginThrottle } from './infrastructure/login-throttle.js';
import { OpenidOidcClient } from './infrastructure/oidc-client.js';
import { Argon2PasswordHasher } from './infrastructure/password-hasher.js';
import { RefreshTokenEntity } from './infrastructure/refresh-token.entity.js';
import { SqlRefreshTokenStore } from './infrastructure/refresh-token-store.js';
import { SqlRequestAccess } from './infrastructure/request-access.js';
import { SqlSessionTraceStore } from './infrastructure/session-trace-store.js';
import { StructureEntity } from './infrastructure/structure.entity.js';
import { SqlStructureStore } from './infrastructure/structure-store.js';
import { JoseTokenService } from './infrastructure/token-service.js';
import { AesGcmTotpSecretCipher } from './infrastructure/totp-secret-cipher.js';
import { SqlUserDirectory } from './infrastructure/user-directory.js';
import { UserEntity } from './infrastructure/user.entity.js';
import { SqlUserStore } from './infrastructure/user-store.js';

const USE_CASES = [
  AuthenticateRequest,
  AuthenticateWithPassword,
  ChangeOwnPassword,
  ConfirmTotpEnrolment,
  CreateStructure,
  CreateUser,
  EncryptTotpSecrets,
  EnsureFirstAdmin,
  FindUserByEmail,
  ForgetSessionTraces,
  LoginWithSso,
  ManageSettings,
  QueryAuditLog,
  ReadStructures,
  ReadUsers,
  RefreshSession,
  RemoveTotp,
  ResetPassword,
  RevokeSession,
  StartTotpEnrolment,
  UpdateUser,
  VerifyAuditChain,
];

@Module({
  imports: [TypeOrmModule.forFeature([StructureEntity, UserEntity, RefreshTokenEntity, AuditEventEntity])],
  providers: [
    ...USE_CASES,
    SessionIssuer,
    NewPasswordCheck,
    StructureTree,
    { provide: AuditChainReader, useClass: SqlAuditChainReader },
    { provide: AuditEventReader, useClass: SqlAuditEventReader },
    { provide: AuditLog, useClass: SqlAuditLog },
    { provide: CommonPasswords, useClass: ZxcvbnCommonPasswords },
    { provide: LoginThrottle, useClass: RedisLoginThrottle },
    { provide: OidcClient, useClass: OpenidOidcClient },
    { provide: PasswordHasher, useClass: Argon2PasswordHasher },
    { provide: RefreshTokenStore, useClass: SqlRefreshTokenStore },
    { provide: RequestAccess, useClass: SqlRequestAccess },
    { provide: SessionTraceStore, useClass: SqlSessionTraceStore },
    { provide: StructureStore, useClass: SqlStructureStore },
    { provide: TokenService, useClass: JoseTokenService },
    { provide: TotpSecretCipher, useClass: AesGcmTotpSecretCipher },
    { provide: UserDirectory, useClass: SqlUserDirectory },
    { provide: UserStore, useClass: SqlUserStore },
  ],
  exports: [...USE_CASES, AuditLog, StructureTree],
})
export class IdentityModule {}
