package digest

// SetBeforeChat makes b call f before each chat's build, for tests that
// need one chat's build to fail.
func SetBeforeChat(b *Builder, f func(chatID int64)) { b.beforeChat = f }
