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
import { VerifyAuditChain } from './application/verify-audit-chain.use-case.js';
import { AuditEventEntity } from './infrastructure/audit-event.entity.js';
import { AuditChainReader } from './infrastructure/audit-chain-reader.js';
import { AuditEventReader } from './infrastructure/audit-event-reader.js';
import { AuditLog } from './infrastructure/audit-log.js';
import { SessionTraceStore } from './infrastructure/session-trace-store.js';
import { UserDirectory } from './infrastructure/user-directory.js';
import { CommonPasswords } from './infrastructure/common-passwords.js';
import { LoginThrottle } from './infrastructure/login-throttle.js';
import { OidcClient } from './infrastructure/oidc-client.js';
import { PasswordHasher } from './infrastructure/password-hasher.js';
import { RefreshTokenEntity } from './infrastructure/refresh-token.entity.js';
import { StructureEntity } from './infrastructure/structure.entity.js';
import { StructureTree } from './infrastructure/structure-tree.js';
import { TokenService } from './infrastructure/token-service.js';
import { TotpSecretCipher } from './infrastructure/totp-secret-cipher.js';
import { UserEntity } from './infrastructure/user.entity.js';

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
    AuditLog,
    CommonPasswords,
    LoginThrottle,
    NewPasswordCheck,
    OidcClient,
    PasswordHasher,
    StructureTree,
    TokenService,
    TotpSecretCipher,
    AuditChainReader,
    AuditEventReader,
    SessionTraceStore,
    UserDirectory,
  ],
  exports: [...USE_CASES, AuditLog, StructureTree],
})
export class IdentityModule {}
