import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { getUserProfile } from 'mini-user-profile'

export default function Index() {
  const [result, setResult] = useState('')

  // Called synchronously in the tap handler: WeChat accepts getUserProfile only inside the user's tap.
  const onShare = () => {
    getUserProfile().then(
      (profile) => setResult(profile.nickName),
      (error) => setResult(error.code),
    )
  }

  return (
    <View>
      <Button className="share" onClick={onShare}>Share your profile</Button>
      <Text className="result">{result}</Text>
    </View>
  )
}
