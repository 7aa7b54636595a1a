package bot_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/newsbot-kz/newsbot/bot"
)

// invisible are characters a user can type or paste that must never be
// stored or shown: NUL (PostgreSQL refuses it), other controls, bidi
// overrides and isolates (they reorder a group's list to spoof names), and
// zero-width and other format characters.
var invisible = []string{"\x00", "\x07", "\x1b", "\x7f", "\u0085", "\u009b", "\u00ad", "\u200b", "\u200c",
	"\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2060", "\u2066",
	"\u2067", "\u2068", "\u2069", "\ufeff", "\U000e0041"}

// lockedBuffer is a log destination the bot and the test can share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestInvisibleCharactersNeverReachTheDatabaseOrAReply(t *testing.T) {
	errorsLogged := &lockedBuffer{}
	h := newHarness(t, func(o *bot.Options) {
		o.Logger = slog.New(slog.NewTextHandler(errorsLogged, &slog.HandlerOptions{Level: slog.LevelError}))
	})
	const chat = 750
	steps := []struct{ text, want string }{
		{"/subscribe Шым\u200bкент\u202e", "You now follow the keyword “Шымкент”"},
		{"/subscribe \"water\x00 supply\"", "You now follow the keyword “water supply”"},
		{"/subscribe \u202eshym\u00adkent\u202c", "You now follow Akimat of Shymkent city (shymkent)"},
		{"/subscribe \ufeffAl\u2066maty\u2069\x1b[31m", "You now follow the keyword “Almaty[31m”"},
		{"/subscriptions", "“Шымкент”"},
		{"/unsubscribe \"Шым\x00кент\"", "You no longer follow “Шымкент”"},
		{"/unsubscribe wat\u200der\u0085", "You do not follow “water”"},
		{"/sources shym\x00kent", "Akimat of Shymkent city"},
		{"/sources \u202enothing\u2069here", "No source matches “nothinghere”"},
		{"/timezone Europe/Buda\x00pest", "Time zone: Europe/Budapest"},
		{"/timezone Mars\u202e/Olympus\x00", "I do not know the time zone “Mars/Olympus”"},
		{"/search Kyzyl\u00adzhar\x00", "Results for “Kyzylzhar”"},
		{"/search \u200b\x00", "Tell me what to look for"},
		{"/latest Шым\u2066кент\x00", "Newest with “Шымкент”"},
		{"/language e\x00n\u200b", "Language: English."},
		{"/digest 07\x00:30", "every day at 07:30"},
	}
	for _, s := range steps {
		m := h.one(h.send(chat, "en", s.text))
		mustContain(t, m.Plain, s.want)
		for _, c := range invisible {
			if strings.Contains(m.Plain, c) || strings.Contains(m.Text, c) {
				t.Errorf("the answer to %q shows %q:\n%s", s.text, c, m.Plain)
			}
		}
	}

	var stored []string
	for _, q := range []string{
		`SELECT value || ' ' || normalized || ' ' || match_query FROM subscriptions`,
		`SELECT command || ' ' || arg FROM queries`,
		`SELECT time_zone FROM chats`,
	} {
		var rows []string
		if err := h.st.DB().SelectContext(context.Background(), &rows, q); err != nil {
			t.Fatal(err)
		}
		stored = append(stored, rows...)
	}
	if len(stored) < 4 {
		t.Fatalf("only %d rows stored: %q", len(stored), stored)
	}
	for _, v := range stored {
		for _, c := range invisible {
			if strings.Contains(v, c) {
				t.Errorf("stored %q contains %q", v, c)
			}
		}
	}
	if logged := errorsLogged.String(); logged != "" {
		t.Errorf("errors were logged:\n%s", logged)
	}
}
