package digest

import (
	"errors"
	"html"
	"regexp"
	"strconv"
	"strings"

	tgbot "github.com/go-telegram/bot"
)

// outcomeKind is what a sendMessage answer means for the part.
type outcomeKind int

const (
	sent            outcomeKind = iota
	tooManyRequests             // 429: wait retry_after, then retry
	transient                   // 5xx, timeout, network: retry with backoff
	forbidden                   // 403, or the chat is gone: deactivate it
	badHTML                     // 400 can't parse entities: resend as plain text
	migrated                    // 400 migrate_to_chat_id: move the chat
	unauthorized                // 401: the token is wrong; stop, fail nothing
	rejected                    // any other 4xx: the part cannot be sent
)

type outcome struct {
	kind       outcomeKind
	retryAfter int   // seconds, for tooManyRequests
	newChatID  int64 // for migrated
}

// metric is the outcome's name in the messages-sent counter.
func (o outcome) metric() string {
	switch o.kind {
	case sent:
		return "ok"
	case tooManyRequests:
		return "too_many_requests"
	case forbidden:
		return "forbidden"
	case transient:
		return "error"
	}
	return "rejected"
}

// classify reads the error of a sendMessage call made through go-telegram/bot.
func classify(err error) outcome {
	if err == nil {
		return outcome{kind: sent}
	}
	var tooMany *tgbot.TooManyRequestsError
	if errors.As(err, &tooMany) {
		return outcome{kind: tooManyRequests, retryAfter: tooMany.RetryAfter}
	}
	var migrate *tgbot.MigrateError
	if errors.As(err, &migrate) {
		return outcome{kind: migrated, newChatID: int64(migrate.MigrateToChatID)}
	}
	switch {
	case errors.Is(err, tgbot.ErrorForbidden), chatGone(err):
		return outcome{kind: forbidden}
	case errors.Is(err, tgbot.ErrorUnauthorized):
		return outcome{kind: unauthorized}
	case errors.Is(err, tgbot.ErrorBadRequest) && strings.Contains(err.Error(), "can't parse entities"):
		return outcome{kind: badHTML}
	case errors.Is(err, tgbot.ErrorBadRequest), errors.Is(err, tgbot.ErrorNotFound),
		errors.Is(err, tgbot.ErrorConflict):
		return outcome{kind: rejected}
	}
	if code := errorCode(err); code >= 400 && code < 500 {
		return outcome{kind: rejected}
	}
	return outcome{kind: transient}
}

// goneChat are the descriptions of 400 answers that mean no message will
// ever reach the chat, as a 403 does: retrying or failing one digest at a
// time would fail again every day. "bot was kicked" and "user is
// deactivated" usually come as 403 (ErrorForbidden); they are listed for
// the chats where Telegram answers them with a 400.
var goneChat = []string{
	"chat not found",
	"user not found",
	"bot was kicked",
	"user is deactivated",
	"group chat was deactivated",
	"bot is not a member",
	"not enough rights to send",
	"have no rights to send",
	"need administrator rights",
}

// chatGone reports whether err is a 400 whose description says the chat is
// gone or closed to the bot.
func chatGone(err error) bool {
	if !errors.Is(err, tgbot.ErrorBadRequest) {
		return false
	}
	msg := strings.ToLower(err.Error())
	for _, d := range goneChat {
		if strings.Contains(msg, d) {
			return true
		}
	}
	return false
}

// errorCode digs the error_code out of the library's error for codes it has
// no sentinel for ("error response from telegram for method sendMessage,
// 500 Internal Server Error"); 0 when there is none (network, timeout).
func errorCode(err error) int {
	const prefix = "error response from telegram for method "
	msg := err.Error()
	i := strings.Index(msg, prefix)
	if i < 0 {
		return 0
	}
	_, rest, ok := strings.Cut(msg[i+len(prefix):], ", ")
	if !ok {
		return 0
	}
	codeText, _, _ := strings.Cut(rest, " ")
	code, _ := strconv.Atoi(codeText)
	return code
}

// tag matches the tags Telegram's HTML knows, so that other text between
// "<" and ">" (a title's <<Kyzylzhar-2>>) is kept.
var tag = regexp.MustCompile(`(?i)</?(?:b|strong|i|em|u|ins|s|strike|del|a|code|pre|blockquote|` +
	`tg-spoiler|tg-emoji|span)(?:\s[^<>]*)?>`)

// plainText is a part's HTML as the plain text a user would have read: tags
// removed, entities decoded.
func plainText(s string) string {
	return html.UnescapeString(tag.ReplaceAllString(s, ""))
}
