import { z } from 'zod';
import { BooleanFlagSchema, JsonObjectSchema, openEnum } from './primitives';

// Every optional field also accepts null: metrics.md says "a field that is null counts as absent
// everywhere", and real logs do carry nulls (e.g. `invokedBy: null` in Panther's samples).

/** `userIdentity.type` values documented by CloudTrail (record contents reference, event versions 1.0x–1.11). */
export const USER_IDENTITY_TYPES = [
  'Root',
  'IAMUser',
  'AssumedRole',
  'Role',
  'FederatedUser',
  'Directory',
  'AWSAccount',
  'AWSService',
  'IdentityCenterUser',
  'Unknown',
  'SAMLUser',
  'WebIdentityUser',
] as const;
export const UserIdentityTypeSchema = openEnum(USER_IDENTITY_TYPES);
export type UserIdentityType = z.infer<typeof UserIdentityTypeSchema>;

/** The role (or user) that issued temporary credentials: `sessionContext.sessionIssuer`. Often `{}` for IAM users. */
export const SessionIssuerSchema = z.looseObject({
  type: z.string().nullish(),
  principalId: z.string().nullish(),
  arn: z.string().nullish(),
  accountId: z.string().nullish(),
  userName: z.string().nullish(),
});
export type SessionIssuer = z.infer<typeof SessionIssuerSchema>;

/** Identity provider details for credentials obtained through web identity federation. */
export const WebIdFederationDataSchema = z.looseObject({
  federatedProvider: z.string().nullish(),
  attributes: JsonObjectSchema.nullish(),
});
export type WebIdFederationData = z.infer<typeof WebIdFederationDataSchema>;

/**
 * When the temporary credentials were issued and whether MFA was used
 * (`mfaAuthenticated` is a "true"/"false" string in real logs).
 */
export const SessionAttributesSchema = z.looseObject({
  creationDate: z.string().nullish(),
  mfaAuthenticated: BooleanFlagSchema.nullish(),
});
export type SessionAttributes = z.infer<typeof SessionAttributesSchema>;

/** Present when the request was made with temporary security credentials. */
export const SessionContextSchema = z.looseObject({
  attributes: SessionAttributesSchema.nullish(),
  sessionIssuer: SessionIssuerSchema.nullish(),
  webIdFederationData: WebIdFederationDataSchema.nullish(),
  sourceIdentity: z.string().nullish(),
  ec2RoleDelivery: z.string().nullish(),
  assumedRoot: BooleanFlagSchema.nullish(),
});
export type SessionContext = z.infer<typeof SessionContextSchema>;

/** IAM Identity Center user on whose behalf the call was made. */
export const OnBehalfOfSchema = z.looseObject({
  userId: z.string().nullish(),
  identityStoreArn: z.string().nullish(),
});
export type OnBehalfOf = z.infer<typeof OnBehalfOfSchema>;

/** Scope of credentials a service issued for a resource (e.g. Lambda execution role credentials). */
export const InScopeOfSchema = z.looseObject({
  issuerType: z.string().nullish(),
  credentialsIssuedTo: z.string().nullish(),
  issuerAccountId: z.string().nullish(),
  sourceArn: z.string().nullish(),
  sourceAccount: z.string().nullish(),
});
export type InScopeOf = z.infer<typeof InScopeOfSchema>;

/**
 * Who made the request. One loose shape for every `type`: which fields appear depends on the
 * type and on the event version, and AWS-internal service events may omit `type` altogether
 * (`{"accountId": ..., "invokedBy": "AWS Internal"}`), so nothing is required.
 */
export const UserIdentitySchema = z.looseObject({
  type: UserIdentityTypeSchema.nullish(),
  principalId: z.string().nullish(),
  arn: z.string().nullish(),
  accountId: z.string().nullish(),
  accessKeyId: z.string().nullish(),
  userName: z.string().nullish(),
  invokedBy: z.string().nullish(),
  identityProvider: z.string().nullish(),
  credentialId: z.string().nullish(),
  onBehalfOf: OnBehalfOfSchema.nullish(),
  inScopeOf: InScopeOfSchema.nullish(),
  sessionContext: SessionContextSchema.nullish(),
});
export type UserIdentity = z.infer<typeof UserIdentitySchema>;
