package digest_test

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// outboxEnv is a fresh database and a fake Bot API reached through the real
// client.
type outboxEnv struct {
	t   *testing.T
	st  *store.Store
	srv *fakebotapi.Server
	tg  *tgbot.Bot
}

func newOutboxEnv(t *testing.T) *outboxEnv {
	t.Helper()
	e := &outboxEnv{t: t, st: testdb.Open(t), srv: fakebotapi.New()}
	t.Cleanup(e.srv.Close)
	e.tg = newClient(t, e.srv)
	return e
}

func newClient(t *testing.T, srv *fakebotapi.Server) *tgbot.Bot {
	t.Helper()
	tg, err := tgbot.New("123:test", tgbot.WithServerURL(srv.URL()), tgbot.WithSkipGetMe())
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// fastOptions are sender options for tests: small delays, a fast pace.
func fastOptions(t *testing.T) digest.SenderOptions {
	return digest.SenderOptions{
		GlobalPerSecond: 1000,
		PerChatInterval: 5 * time.Millisecond,
		RetryFor:        200 * time.Millisecond,
		Backoff:         10 * time.Millisecond,
		MaxMoves:        4,
		RequestTimeout:  5 * time.Second,
		Workers:         4,
		Logger:          slog.New(slog.NewTextHandler(t.Output(), nil)),
	}
}

func (e *outboxEnv) sender(opts digest.SenderOptions) *digest.Sender {
	return digest.NewSender(e.st, e.tg, opts)
}

// drain runs a Drain with a generous deadline and fails the test on error.
func (e *outboxEnv) drain(s *digest.Sender) digest.SendStats {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	stats, pending, err := s.Drain(ctx, time.Now().Add(time.Minute))
	if err != nil {
		e.t.Fatalf("Drain: %v", err)
	}
	if pending != 0 {
		e.t.Errorf("Drain left %d parts pending", pending)
	}
	return stats
}

// queue stores a digest of parts for chatID, creating the chat, as the
// digest builder does, and returns the digest's id.
func queue(t *testing.T, st *store.Store, chatID int64, parts ...string) int64 {
	t.Helper()
	ctx := context.Background()
	db := st.DB()
	if _, err := db.ExecContext(ctx, `INSERT INTO chats (id) VALUES ($1) ON CONFLICT DO NOTHING`, chatID); err != nil {
		t.Fatal(err)
	}
	var id int64
	err := db.GetContext(ctx, &id, `INSERT INTO digests (chat_id, from_seq, to_seq, items, parts)
		VALUES ($1, 0, 0, $2, $2) RETURNING id`, chatID, len(parts))
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range parts {
		if _, err := db.ExecContext(ctx, `INSERT INTO outbox (digest_id, chat_id, part, text)
			VALUES ($1, $2, $3, $4)`, id, chatID, i+1, text); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

// partTexts are n numbered parts for chatID.
func partTexts(chatID int64, n int) []string {
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, fmt.Sprintf("<b>Digest</b> for %d, part %d", chatID, i))
	}
	return out
}

// texts are the texts of the messages the fake holds for chatID, oldest first.
func texts(srv *fakebotapi.Server, chatID int64) []string {
	var out []string
	for _, m := range srv.Messages(chatID) {
		out = append(out, m.Text)
	}
	return out
}

// partRow is an outbox row as the tests inspect it.
type partRow struct {
	ChatID    int64  `db:"chat_id"`
	Status    string `db:"status"`
	Attempts  int    `db:"attempts"`
	PlainText bool   `db:"plain_text"`
	LastError string `db:"last_error"`
}

func parts(t *testing.T, st *store.Store, digestID int64) []partRow {
	t.Helper()
	var rows []partRow
	err := st.DB().Select(&rows, `SELECT chat_id, status, attempts, plain_text, last_error
		FROM outbox WHERE digest_id = $1 ORDER BY part`, digestID)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func counts(t *testing.T, st *store.Store) map[string]int {
	t.Helper()
	c, err := st.OutboxCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func sameMap(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// callCounter counts sendMessage calls per chat, for hooks that fail the
// first n of them.
type callCounter struct {
	mu sync.Mutex
	n  map[int64]int
}

// next counts a call to chat and returns its number, from 1.
func (c *callCounter) next(chat int64) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == nil {
		c.n = map[int64]int{}
	}
	c.n[chat]++
	return c.n[chat]
}

// attemptsTo are the fake's sendMessage attempts to chat, with their codes.
func attemptsTo(srv *fakebotapi.Server, chat int64) []int {
	var codes []int
	for _, a := range srv.SendAttempts() {
		if a.ChatID == chat {
			codes = append(codes, a.Code)
		}
	}
	return codes
}
