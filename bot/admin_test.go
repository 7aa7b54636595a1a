package bot_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/bot"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// recorder is a bot.Metrics that remembers what it was told.
type recorder struct {
	mu       sync.Mutex
	updates  map[string]int
	outcomes map[string]int
}

func (r *recorder) UpdateReceived(c string) { r.mu.Lock(); r.updates[c]++; r.mu.Unlock() }
func (r *recorder) ReplySent(o string)      { r.mu.Lock(); r.outcomes[o]++; r.mu.Unlock() }

// downStore is a store whose database is down for TouchChat.
type downStore struct {
	*store.Store
	down bool
}

func (s *downStore) TouchChat(ctx context.Context, id int64, chatType, lang string) (store.Chat, error) {
	if s.down {
		return store.Chat{}, errors.New("dial tcp 127.0.0.1:5432: connection refused")
	}
	return s.Store.TouchChat(ctx, id, chatType, lang)
}

type adminEnv struct {
	fake *fakebotapi.Server
	st   *downStore
	b    *bot.Bot
	m    *recorder
	next int64
}

const adminChat = 900

func newAdminEnv(t *testing.T) *adminEnv {
	t.Helper()
	e := &adminEnv{fake: fakebotapi.New(), st: &downStore{Store: testdb.Open(t)},
		m: &recorder{updates: map[string]int{}, outcomes: map[string]int{}}}
	t.Cleanup(e.fake.Close)
	b, err := bot.New(context.Background(), e.st, bot.Options{
		Token: "4242:admin-test-token-abcdefghijklmnop", ServerURL: e.fake.URL(),
		Logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
		Metrics: e.m, Admins: []int64{adminChat}, Stats: e.st,
		Now: func() time.Time { return time.Date(2025, 11, 26, 10, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		t.Fatal(err)
	}
	e.b = b
	return e
}

// say hands the bot a message from chat as Telegram would, and returns the
// bot's new messages and Handle's error.
func (e *adminEnv) say(chat int64, lang, text string) ([]fakebotapi.Message, error) {
	e.next++
	return e.redeliver(e.next, chat, lang, text)
}

func (e *adminEnv) redeliver(id, chat int64, lang, text string) ([]fakebotapi.Message, error) {
	before := len(e.fake.Messages(chat))
	msg := &models.Message{ID: int(id), Text: text, Chat: models.Chat{ID: chat, Type: models.ChatTypePrivate},
		From: &models.User{ID: chat, FirstName: "Admin", LanguageCode: lang}}
	if strings.HasPrefix(text, "/") {
		n := len(strings.Fields(text)[0])
		msg.Entities = []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Offset: 0, Length: n}}
	}
	err := e.b.Handle(context.Background(), &models.Update{ID: id, Message: msg})
	return e.fake.Messages(chat)[before:], err
}

func TestStatsForAdminsInTheirLanguage(t *testing.T) {
	e := newAdminEnv(t)
	for lang, want := range map[string][]string{
		"en": {"newsbot statistics", "Chats: 1 (active: 1)", "Last digest run: none yet", "Sources failing: 0 of 0"},
		"ru": {"Статистика newsbot", "Чаты: 1 (активных: 1)", "Последний дайджест: ещё не собирался"},
		"kk": {"newsbot статистикасы", "Чаттар: 1 (белсенді: 1)"},
	} {
		if _, err := e.say(adminChat, lang, "/language "+lang); err != nil {
			t.Fatal(err)
		}
		got, err := e.say(adminChat, lang, "/stats")
		if err != nil || len(got) != 1 {
			t.Fatalf("%s: /stats answered %d messages, %v", lang, len(got), err)
		}
		mustContain(t, got[0].Plain, want...)
	}
	for _, a := range e.fake.SendAttempts() {
		if a.Code != 200 {
			t.Errorf("Telegram refused an answer: %d %s", a.Code, a.Description)
		}
	}
}

// Anyone else gets the unknown-command pointer, word for word, and the menu
// does not list the command.
func TestStatsIsUnknownToEveryoneElse(t *testing.T) {
	e := newAdminEnv(t)
	unknown, _ := e.say(901, "en", "/nosuchcommand")
	got, _ := e.say(901, "en", "/stats")
	if len(got) != 1 || len(unknown) != 1 || got[0].Plain != unknown[0].Plain {
		t.Fatalf("a stranger's /stats got %+v, want the unknown-command answer %+v", got, unknown)
	}
	if err := e.b.RegisterCommands(context.Background()); err != nil {
		t.Fatal(err)
	}
	for lang, cmds := range e.fake.Commands() {
		for _, c := range cmds {
			if c.Command == "stats" {
				t.Errorf("the %q menu lists /stats", lang)
			}
		}
	}
}

// A message that cannot be recorded is not processed: Handle says so (a
// webhook answers non-200 and Telegram delivers it again), and the user is
// told once, not at every redelivery. Once the database is back, the
// redelivered message is answered.
func TestUnprocessedUpdateIsApologisedForOnce(t *testing.T) {
	e := newAdminEnv(t)
	e.st.down = true
	for range 2 {
		_, err := e.redeliver(77, 5, "ru", "/help")
		if !errors.Is(err, bot.ErrUnavailable) {
			t.Fatalf("Handle = %v, want ErrUnavailable", err)
		}
	}
	if msgs := e.fake.Messages(5); len(msgs) != 1 || !strings.Contains(msgs[0].Plain, "Извините") {
		t.Fatalf("while down the chat got %+v, want one apology", msgs)
	}
	e.st.down = false
	got, err := e.redeliver(77, 5, "ru", "/help")
	if err != nil || len(got) != 1 || !strings.Contains(got[0].Plain, "Команды") {
		t.Fatalf("redelivered after recovery: %+v, %v; want the help", got, err)
	}
	e.m.mu.Lock()
	defer e.m.mu.Unlock()
	if e.m.updates["help"] != 3 || e.m.outcomes["ok"] != 2 {
		t.Errorf("metrics: updates %v, outcomes %v; want 3 help, 2 ok", e.m.updates, e.m.outcomes)
	}
}

func TestUpdatesAreCountedByBoundedLabels(t *testing.T) {
	e := newAdminEnv(t)
	for _, text := range []string{"/start", "/START", "/whatever", "hello", "/stats"} {
		e.say(10, "en", text)
	}
	e.m.mu.Lock()
	defer e.m.mu.Unlock()
	want := map[string]int{"start": 2, "unknown_command": 1, "message": 1, "stats": 1}
	for k, n := range want {
		if e.m.updates[k] != n {
			t.Errorf("updates[%q] = %d, want %d (all: %v)", k, e.m.updates[k], n, e.m.updates)
		}
	}
}
