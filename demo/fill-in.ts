// The playground's WeChat fill-in: the chooseAvatar button and the nickname input as the simulated host runs them
// (the kit's `fillIn`), wired to the library's createProfileForm exactly as a page's handlers would be. The chosen
// avatar is uploaded to the demo server (POST /avatars), which serves it back from 127.0.0.1.
import { createProfileForm, type OpenUserInfo, type ProfileForm, type UserProfileError } from '../src/index'
import type { FillInEvent, SimulatedHost } from '../testing/index'
import { showAuthorizationPage } from './consent'

const CHOOSER_SHEET = {
  kind: 'simulated avatar chooser',
  title: 'Choose your avatar',
  text: 'Pick a photo for your profile, or cancel.',
  scope: 'Use the album photo',
}

export interface FillInWiring {
  /** The simulated WeChat host the fill-in runs on; a new one for each runtime or scenario change. */
  host(): SimulatedHost
  /** Shows how one field went (null: accepted). */
  showField(field: 'avatar' | 'nickname', error: UserProfileError | null): void
  /** Shows what submit gave. */
  showResult(outcome: Promise<OpenUserInfo>): void
}

/** Posts the chosen file's bytes to the demo server: the app's own upload, which the library never does itself. */
function uploadTo(host: () => SimulatedHost) {
  return async (tempFilePath: string): Promise<string> => {
    const bytes = host().fillIn?.readFile(tempFilePath)
    if (bytes === undefined) throw new Error('no such temporary file')
    const response = await fetch('/avatars', { method: 'POST', headers: { 'Content-Type': 'image/svg+xml' }, body: bytes })
    if (!response.ok) throw new Error(`upload answered ${response.status}`)
    const { url } = (await response.json()) as { url: unknown }
    return String(url)
  }
}

export function wireFillIn(chooseButton: HTMLButtonElement, nickname: HTMLInputElement, submit: HTMLButtonElement, wiring: FillInWiring) {
  let form: ProfileForm = createProfileForm({ upload: uploadTo(wiring.host) })
  const feed = (events: readonly FillInEvent[]) => {
    for (const event of events) {
      if (event.type === 'nicknamereview') wiring.showField('nickname', form.nicknameReview(event))
      else {
        // The host clears a refused nickname on blur (platforms.md §17.1).
        if (event.type === 'blur' && event.detail.value === '') nickname.value = ''
        form.nickname(event)
      }
    }
  }
  chooseButton.addEventListener('click', () => {
    const host = wiring.host()
    const chooser = host.fillIn?.openAvatarChooser()
    if (!chooser) return
    showAuthorizationPage('WeChat', (choice) => wiring.showField('avatar', form.chooseAvatar(chooser.close(choice))), CHOOSER_SHEET)
  })
  nickname.addEventListener('input', () => feed([{ type: 'input', detail: { value: nickname.value, cursor: nickname.value.length } }]))
  nickname.addEventListener('blur', () => feed(wiring.host().fillIn?.leaveNickname(nickname.value) ?? []))
  submit.addEventListener('click', () => {
    // A press on Save leaves the field first, as a tap on a device does.
    if (document.activeElement === nickname) nickname.blur()
    wiring.showResult(form.submit())
  })
  return {
    /** A new host or scenario: the user starts over. */
    reset(): void {
      form = createProfileForm({ upload: uploadTo(wiring.host) })
      nickname.value = ''
    },
  }
}
