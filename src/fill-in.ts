// WeChat's real profile since 2022-11-08: the user fills it in through `<button open-type="chooseAvatar">` and
// `<input type="nickname">` (「头像昵称填写能力」, base library 2.21.2; platforms.md §17.1). A form gathers their events
// one field at a time, so a cancelled chooser or a rejected nickname is fixed alone, and `submit` gives the six-key
// OpenUserInfo. The chosen avatar is a temporary local file: it reaches `avatar` only as the URL the app's own
// `upload` returns. The library sends nothing anywhere.
import type { Adapter } from './adapter.js'
import { readEventDetail } from './button-event.js'
import { createError, type CodeWithOwnAdvice } from './create-error.js'
import { findAdapter } from './detect.js'
import { UserProfileError, type ErrorCode } from './errors.js'
import { normalizeAvatar, readField, readString, toOpenUserInfo } from './normalize.js'
import type { OpenUserInfo, ProfileForm, ProfileFormOptions, ProfileFormState, RuntimeName } from './types.js'

// The WeChat devtools hand out `http://tmp/…`, devices `wxfile://tmp_…` (§17.1 ⚠️); `http://usr/…` is the devtools'
// USER_DATA_PATH. None is a URL another user can load, whatever the app's upload returns.
const LOCAL_FILE = /^(https?:\/\/(tmp|usr)\.?(:\d+)?\/|wxfile:)/i
// WeChat reviews a nickname asynchronously after blur (§17.1): a Save tapped meanwhile waits this long for the verdict.
const DEFAULT_REVIEW_TIMEOUT_MS = 1000

// Community errMsg strings of a chooser that gave no avatar (§17.1 ⚠️): "chooseAvatar:fail cancel", "…:fail another
// chooseAvatar is in progress", "…:fail timeout".
const chooserFailures: ReadonlyArray<readonly [string, ErrorCode]> = [
  ['cancel', 'USER_DENIED'],
  ['timeout', 'TIMEOUT'],
]

const ownAdvice: Record<Exclude<CodeWithOwnAdvice, 'INSUFFICIENT_PERMISSIONS'>, string> = {
  NICKNAME_REJECTED: "the host's content review refused it; let the user type another (the avatar is kept)",
  AVATAR_UPLOAD_FAILED: 'the chosen avatar is kept; let the user submit again',
}

export function createProfileForm(adapters: readonly Adapter[], options?: ProfileFormOptions): ProfileForm {
  // The runtime an error names, detected when it happens: a page may build its form before the host is ready.
  const runtime = (): RuntimeName | null => {
    try {
      const detected = findAdapter(adapters)
      return detected ? detected.runtime : null
    } catch {
      return null // a hostile host global: the form still works, its errors name no runtime
    }
  }
  const upload = readField(options, 'upload')
  const reviewTimeout = readField(options, 'reviewTimeout')
  const reviewWait = typeof reviewTimeout === 'number' && reviewTimeout >= 0 ? reviewTimeout : DEFAULT_REVIEW_TIMEOUT_MS
  let avatarFile = ''
  let nickName = ''
  // The last name the user put in: WeChat may clear a refused one on blur before the review event arrives (§17.1).
  let lastNickName = ''
  let rejectedNickName: string | undefined
  // The name the last review event judged, and the submits waiting for the next one.
  let reviewedNickName = ''
  let reviewWaiters: (() => void)[] = []
  let uploaded: { file: string; url: Promise<string> } | undefined

  const fail = (code: ErrorCode, advice?: string, nativeMessage?: string) =>
    createError(code, runtime(), { advice: advice || ownAdvice[code as keyof typeof ownAdvice], nativeMessage })

  function uploadAvatar(file: string): Promise<string> {
    if (uploaded && uploaded.file === file) return uploaded.url // a second submit uploads nothing twice
    const url = new Promise<unknown>((resolve) => resolve((upload as (path: string) => unknown)(file))).then((returned) => {
      const avatar = normalizeAvatar(returned)
      if (avatar === '' || avatar === file || LOCAL_FILE.test(avatar)) throw fail('AVATAR_UPLOAD_FAILED', 'upload must resolve the http(s) URL the avatar was uploaded to.')
      return avatar
    })
    uploaded = { file, url: url.catch((error: unknown) => {
      if (uploaded && uploaded.file === file) uploaded = undefined // the next submit tries again (unless a newer file replaced it)
      throw error instanceof UserProfileError ? error : fail('AVATAR_UPLOAD_FAILED')
    }) }
    return uploaded.url
  }

  const form: ProfileForm = {
    chooseAvatar(event) {
      const detail = readEventDetail(event)
      const errMsg = readString(detail, 'errMsg')
      if (errMsg !== undefined && errMsg.indexOf(':fail') !== -1) {
        const lowered = errMsg.toLowerCase()
        const row = chooserFailures.filter(([phrase]) => lowered.indexOf(phrase) !== -1)[0]
        return fail(row ? row[1] : 'NATIVE_ERROR', 'the avatar chosen before (if any) is kept; let the user tap the chooser again.', errMsg)
      }
      const file = readString(detail, 'avatarUrl')
      if (!file) return fail('MALFORMED_RESPONSE')
      avatarFile = file
      return null
    },
    nickname(event) {
      const value = readString(readEventDetail(event), 'value')
      if (value === undefined) return fail('MALFORMED_RESPONSE')
      nickName = value.trim()
      if (nickName !== '') lastNickName = nickName
      // WeChat clears a rejected nickname on blur (§17.1): only another name the user types lifts the rejection.
      if (nickName !== '' && nickName !== rejectedNickName) rejectedNickName = undefined
      return null
    },
    nicknameReview(event) {
      const detail = readEventDetail(event)
      reviewedNickName = lastNickName
      const waiting = reviewWaiters
      reviewWaiters = []
      for (const wake of waiting) wake()
      // `{ pass, timeout }` (§17.1 ⚠️): a review that timed out rejected nothing.
      if (readField(detail, 'pass') === false && readField(detail, 'timeout') !== true) {
        rejectedNickName = lastNickName
        return fail('NICKNAME_REJECTED')
      }
      if (readField(detail, 'pass') === true) rejectedNickName = undefined
      return null
    },
    get state(): ProfileFormState {
      return { avatarChosen: avatarFile !== '', nickName: rejectedNickName === undefined ? nickName : '', nicknameRejected: rejectedNickName !== undefined }
    },
    submit(): Promise<OpenUserInfo> {
      if (rejectedNickName !== undefined) return Promise.reject(fail('NICKNAME_REJECTED'))
      if (avatarFile !== '' && typeof upload !== 'function') {
        return Promise.reject(fail('INVALID_OPTIONS', 'createProfileForm needs an upload function for the chosen avatar.'))
      }
      const avatar = avatarFile === '' ? Promise.resolve('') : uploadAvatar(avatarFile)
      // A name not reviewed yet waits for its verdict (or reviewTimeout; a review that never comes refuses nothing).
      const review = nickName !== '' && lastNickName !== reviewedNickName && reviewWait > 0
        ? new Promise<void>((resolve) => {
          reviewWaiters.push(resolve)
          setTimeout(resolve, reviewWait)
        })
        : undefined
      // Checked again once the upload and the review are in: a verdict that came meanwhile still counts.
      return Promise.all([avatar, review]).then(([url]) => {
        if (rejectedNickName !== undefined) throw fail('NICKNAME_REJECTED')
        return toOpenUserInfo({ avatar: url, nickName })
      })
    },
  }
  return form
}
