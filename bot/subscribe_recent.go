package bot

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// recentShown is how many of a new subscription's newest releases its
// confirmation shows, so that a new subscriber sees at once what it brings;
// the first digest then holds what arrives after it.
const recentShown = 3

// recentTimeout bounds the look-up: the confirmation goes out without the
// releases rather than late.
const recentTimeout = 3 * time.Second

// recentMatches renders the newest releases that f matches, after a blank
// line and a heading, to follow a subscription's confirmation; "" when none
// match or the look-up fails (the subscription is made either way).
func (b *Bot) recentMatches(ctx context.Context, c chatCtx, f store.LatestFilter) string {
	ctx, cancel := context.WithTimeout(ctx, recentTimeout)
	defer cancel()
	// A keyword's look-up is as heavy as /latest KEYWORD: it waits for one
	// of the same slots (heavy.go). PostgreSQL stops it a little before the
	// context would: a context that cancels a query costs the connection.
	release, ok := b.heavy.slot(ctx, recentTimeout)
	if !ok {
		b.log.Warn("No slot to show a new subscription's newest releases", slog.Int64("chat_id", c.chat.ID))
		return ""
	}
	defer release()
	deadline, _ := ctx.Deadline()
	f.Timeout = time.Until(deadline) - 100*time.Millisecond
	if f.Timeout <= 0 {
		return ""
	}
	f.Lang = c.lang
	rels, err := b.st.Latest(ctx, f, 0, recentShown)
	if err != nil {
		b.log.Warn("Could not show a new subscription's newest releases",
			slog.Int64("chat_id", c.chat.ID), slog.String("error", err.Error()))
		return ""
	}
	if len(rels) == 0 {
		return "\n\n" + tgtext.Tr(c.lang, tgtext.MsgRecentNone)
	}
	var m tgtext.Message
	m.Text("\n\n" + tgtext.Tr(c.lang, tgtext.MsgRecentHeading) + "\n")
	for i, r := range rels {
		it := tgtext.Item(i+1, r, c.lang, tgtext.ItemOptions{Snippet: false})
		// The confirmation before it is a few hundred characters at most.
		if !m.Fits(it.Plain, 1000) {
			break
		}
		m.Add(it.HTML, it.Plain)
	}
	return strings.TrimRight(m.String(), "\n")
}
