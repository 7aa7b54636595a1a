package digest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	tgbot "github.com/go-telegram/bot"
)

// The errors below are built as go-telegram/bot v1.19.0 builds them
// (raw_request.go).
func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want outcome
	}{
		{"ok", nil, outcome{kind: sent}},
		{"429", &tgbot.TooManyRequestsError{Message: "too many requests", RetryAfter: 7},
			outcome{kind: tooManyRequests, retryAfter: 7}},
		{"migrate", &tgbot.MigrateError{Message: "bad request", MigrateToChatID: -1001},
			outcome{kind: migrated, newChatID: -1001}},
		{"403", fmt.Errorf("%w, %s", tgbot.ErrorForbidden, "Forbidden: bot was blocked by the user"),
			outcome{kind: forbidden}},
		{"401", fmt.Errorf("%w, %s", tgbot.ErrorUnauthorized, "Unauthorized"), outcome{kind: unauthorized}},
		{"bad HTML", fmt.Errorf("%w, %s", tgbot.ErrorBadRequest,
			"Bad Request: can't parse entities: unsupported start tag \"x\""), outcome{kind: badHTML}},
		{"other 400", fmt.Errorf("%w, %s", tgbot.ErrorBadRequest, "Bad Request: message is too long"),
			outcome{kind: rejected}},
		{"413", fmt.Errorf("error response from telegram for method %s, %d %s", "sendMessage", 413,
			"Request Entity Too Large"), outcome{kind: rejected}},
		{"500", fmt.Errorf("error response from telegram for method %s, %d %s", "sendMessage", 500,
			"Internal Server Error"), outcome{kind: transient}},
		{"timeout", fmt.Errorf("error do request for method %s, %w", "sendMessage", context.DeadlineExceeded),
			outcome{kind: transient}},
		{"network", fmt.Errorf("error do request for method %s, %w", "sendMessage", errors.New("connection refused")),
			outcome{kind: transient}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := classify(tt.err); got != tt.want {
				t.Errorf("classify(%v) = %+v, want %+v", tt.err, got, tt.want)
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<b>Budget</b> &amp; <a href="https://gov.kz/x?a=1&amp;b=2">plan</a>`, "Budget & plan"},
		{"a < b && c > d", "a < b && c > d"},
		{"<<Kyzylzhar-2>> &quot;quoted&quot; &#127881;", "<<Kyzylzhar-2>> \"quoted\" 🎉"},
		{"<blockquote expandable>x</blockquote><tg-spoiler>y</tg-spoiler>", "xy"},
	}
	for _, tt := range tests {
		if got := plainText(tt.in); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
