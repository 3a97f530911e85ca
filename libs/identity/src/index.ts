export { ACTIONS, POLICY, SCOPES, accessMatrixMarkdown, isAllowed, scopeFor } from './domain/access-policy.js';
export type { Action, Scope } from './domain/access-policy.js';
export { SYSTEM_ACTOR_ID } from './domain/actor.js';
export type { Actor, AnonymousActor } from './domain/actor.js';
export { IDENTITY_ERRORS, identityError } from './domain/identity-errors.js';
export type { IdentityErrorCode } from './domain/identity-errors.js';
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './domain/password-policy.js';
export { ROLES, STRUCTURE_KINDS, isRole } from './domain/roles.js';
export type { Role, StructureKind } from './domain/roles.js';
export { totpAt } from './domain/totp.js';
export { AuthenticateRequest } from './application/authenticate-request.use-case.js';
export type { AuthenticatedActor } from './application/authenticate-request.use-case.js';
export { AuthenticateWithPassword } from './application/authenticate-with-password.use-case.js';
export { EncryptTotpSecrets } from './application/encrypt-totp-secrets.use-case.js';
export { EnsureFirstAdmin } from './application/ensure-first-admin.use-case.js';
export { ForgetSessionTraces } from './application/forget-session-traces.use-case.js';
export { SESSION_TRACE_DAYS } from './domain/session-traces.js';
export type { FirstAdmin } from './application/ensure-first-admin.use-case.js';
export { LoginWithSso } from './application/login-with-sso.use-case.js';
export { ManageSettings } from './application/manage-settings.use-case.js';
export { CreateStructure, ReadStructures } from './application/manage-structures.use-case.js';
export { ConfirmTotpEnrolment, RemoveTotp, StartTotpEnrolment } from './application/manage-totp.use-case.js';
export type { TotpEnrolment } from './application/manage-totp.use-case.js';
export {
  ChangeOwnPassword,
  CreateUser,
  ReadUsers,
  ResetPassword,
  UpdateUser,
} from './application/manage-users.use-case.js';
export type { CreatedUser, IssuedTemporaryPassword } from './application/manage-users.use-case.js';
export { FindUserByEmail } from './application/find-user-by-email.use-case.js';
export { QueryAuditLog } from './application/query-audit-log.use-case.js';
export type { AuditEventView } from './application/query-audit-log.use-case.js';
export { RefreshSession } from './application/refresh-session.use-case.js';
export { RevokeSession } from './application/revoke-session.use-case.js';
export type { ClientInfo, Session } from './application/session-issuer.js';
export type { StructureView, UserView } from './application/user-view.js';
export { VerifyAuditChain } from './application/verify-audit-chain.use-case.js';
export type { AuditChainReport } from './application/verify-audit-chain.use-case.js';
export type { ChainHead, ChainProblem } from './domain/audit-chain.js';
export { IdentityModule } from './identity.module.js';
export { AuditLog } from './application/ports/audit-log.js';
export type { AuditAction, AuditSubject } from './application/ports/audit-log.js';
export { StructureTree } from './application/structure-tree.js';
