// A WeChat custom component as a mini program ships it: CommonJS, with the library taken from its built WeChat
// entry (the file "build npm" copies into miniprogram_npm), not from source.
const { getUserProfile } = require('../../../dist/wechat.cjs')

const DESC = 'Show your name on your card'

Component({
  data: {
    nickName: '',
    errorCode: '',
  },

  methods: {
    /** The documented way: getUserProfile() runs synchronously inside the tap handler, inside the gesture. */
    onTap() {
      this.show(getUserProfile({ desc: DESC }))
    },

    /** The mistake WeChat refuses: an await before the call leaves the tap gesture behind. */
    async onTapAfterAwait() {
      await Promise.resolve()
      this.show(getUserProfile({ desc: DESC }))
    },

    show(request) {
      request.then(
        (info) => this.setData({ nickName: info.nickName, errorCode: '' }),
        (error) => this.setData({ nickName: '', errorCode: error.code }),
      )
    },
  },
})
