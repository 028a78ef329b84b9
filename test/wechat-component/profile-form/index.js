// WeChat's fill-in as a custom component ships it (「头像昵称填写能力」): the chooseAvatar button and the nickname input
// wired to createProfileForm from the built WeChat entry, the avatar uploaded with wx.uploadFile by the app's own code.
const { createProfileForm } = require('../../../dist/wechat.cjs')

const UPLOAD_URL = 'https://api.example.test/avatars'

/** The app's upload: wx.uploadFile to its own server, which answers the URL it keeps the avatar at. */
function upload(tempFilePath) {
  return new Promise((resolve, reject) => {
    wx.uploadFile({
      url: UPLOAD_URL,
      filePath: tempFilePath,
      name: 'avatar',
      success: (res) => resolve(JSON.parse(res.data).url),
      fail: reject,
    })
  })
}

Component({
  data: { avatar: '', nickName: '', errorCode: '' },

  lifetimes: {
    created() {
      this.form = createProfileForm({ upload })
    },
  },

  methods: {
    onChooseAvatar(event) {
      this.showField(this.form.chooseAvatar(event))
    },
    onNickname(event) {
      this.showField(this.form.nickname(event))
    },
    onNicknameReview(event) {
      this.showField(this.form.nicknameReview(event))
    },
    onSave() {
      this.form.submit().then(
        (info) => this.setData({ avatar: info.avatar, nickName: info.nickName, errorCode: '' }),
        (error) => this.setData({ avatar: '', nickName: '', errorCode: error.code }),
      )
    },
    showField(error) {
      this.setData({ errorCode: error ? error.code : '' })
    },
  },
})
