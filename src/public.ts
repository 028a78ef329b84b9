// What every entry exports besides the five runtime-bound functions.
export { ERROR_CODES, UserProfileError, isUserProfileError, type ErrorCode } from './errors.js'
export { configureMock } from './mock-config.js'
export type {
  AuthorizeButton,
  FillInControls,
  Gender,
  GetOpenUserInfoOptions,
  GetUserProfileOptions,
  MockOptions,
  MockOutcome,
  OpenUserInfo,
  OpenUserInfoFailResult,
  OpenUserInfoSuccessResult,
  PrivacyConsentRequest,
  PrivacyOptions,
  PrivacySetting,
  ProfileForm,
  ProfileFormOptions,
  ProfileFormState,
  RuntimeName,
  UserInfoEventOptions,
} from './types.js'
export type { AuthCodeFailResult, AuthCodeSuccessResult, GetAuthCodeOptions, GetLoginCodeOptions, LoginCode } from './login-types.js'
