// Package redact keeps the bot token out of what newsbot writes down: log
// records and stored error texts. The Bot API puts the token in every
// request path, so any error that quotes a URL (a client error, a proxy's
// page) carries it. It is a leaf: bot, digest and the commands all use it.
package redact

import "strings"

// Placeholder is what stands where the token was.
const Placeholder = "<token>"

// Token replaces every occurrence of token in s with Placeholder. An empty
// token leaves s as it is.
func Token(s, token string) string {
	if token == "" {
		return s
	}
	return strings.ReplaceAll(s, token, Placeholder)
}
