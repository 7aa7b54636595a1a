package bot_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot"
	"github.com/newsbot-kz/newsbot/bot"
	"github.com/newsbot-kz/newsbot/catalogue"
	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/testdb"
	"github.com/newsbot-kz/newsbot/store"
)

// harness runs the real bot, through the real go-telegram/bot client, against
// a fake Bot API and a fresh database holding the catalogue and the fixture,
// with the digest service on the harness's clock (26 November 2025, 15:00 in
// Almaty).
type harness struct {
	t       *testing.T
	fake    *fakebotapi.Server
	st      *store.Store
	handled chan int64
	now     time.Time
}

func newHarness(t *testing.T, options ...func(*bot.Options)) *harness {
	t.Helper()
	ctx := context.Background()
	h := &harness{t: t, st: testdb.Open(t), handled: make(chan int64, 256),
		now: time.Date(2025, 11, 26, 10, 0, 0, 0, time.UTC)}
	ents, err := catalogue.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := h.st.SyncCatalogue(ctx, ents); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Import(ctx, h.st, newsbot.SampleName, bytes.NewReader(newsbot.SamplePage)); err != nil {
		t.Fatal(err)
	}
	h.fake = fakebotapi.New(fakebotapi.WithPollWait(100 * time.Millisecond))
	t.Cleanup(h.fake.Close)
	discard := slog.New(slog.NewTextHandler(io.Discard, nil))
	clock := func() time.Time { return h.now }
	opts := bot.Options{
		Token: "4242:test-token-abcdefghijklmnopqrstuvwxyz", ServerURL: h.fake.URL(),
		Logger: discard, AfterUpdate: func(id int64) { h.handled <- id }, Now: clock,
		Digest: digest.NewService(h.st, digest.NewBuilder(h.st, digest.BuildOptions{Logger: discard}), clock),
	}
	for _, o := range options {
		o(&opts)
	}
	b, err := bot.New(ctx, h.st, opts)
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { b.Run(runCtx); close(done) }()
	t.Cleanup(func() {
		stop()
		<-done
		h.assertTelegramAcceptedEverything()
	})
	return h
}

func user(chatID int64, lang string) fakebotapi.User {
	return fakebotapi.User{ID: chatID, FirstName: "Test", LanguageCode: lang}
}

// send writes text as the user of chatID and returns the bot's messages
// that are new or edited because of it.
func (h *harness) send(chatID int64, lang, text string) []fakebotapi.Message {
	h.t.Helper()
	before := h.snapshot(chatID)
	id := h.fake.SendText(chatID, user(chatID, lang), text)
	h.wait(id)
	return h.changedSince(chatID, before)
}

// press presses a button (any callback data) on message msgID.
func (h *harness) press(chatID int64, lang string, msgID int64, data string) ([]fakebotapi.Message, fakebotapi.CallbackAnswer) {
	h.t.Helper()
	before := h.snapshot(chatID)
	qid := h.fake.Press(chatID, user(chatID, lang), msgID, data)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ans, err := h.fake.WaitAnswer(ctx, qid)
	if err != nil {
		h.t.Fatalf("callback %q was not answered: %v", data, err)
	}
	h.drainHandled()
	return h.changedSince(chatID, before), ans
}

func (h *harness) wait(updateID int64) {
	h.t.Helper()
	timeout := time.After(15 * time.Second)
	for {
		select {
		case id := <-h.handled:
			if id >= updateID {
				return
			}
		case <-timeout:
			h.t.Fatalf("update %d was not handled in time", updateID)
		}
	}
}

// drainHandled waits briefly for the update of a press to finish; the
// callback answer comes last in a handler, so little remains.
func (h *harness) drainHandled() {
	select {
	case <-h.handled:
	case <-time.After(5 * time.Second):
		h.t.Fatal("callback update was not handled in time")
	}
}

func (h *harness) snapshot(chatID int64) map[int64]time.Time {
	seen := map[int64]time.Time{}
	for _, m := range h.fake.Messages(chatID) {
		seen[m.MessageID] = m.EditTime
	}
	return seen
}

func (h *harness) changedSince(chatID int64, before map[int64]time.Time) []fakebotapi.Message {
	var out []fakebotapi.Message
	for _, m := range h.fake.Messages(chatID) {
		if v, ok := before[m.MessageID]; !ok || m.EditTime.After(v) {
			out = append(out, m)
		}
	}
	return out
}

// one asserts exactly one message changed and returns it.
func (h *harness) one(msgs []fakebotapi.Message) fakebotapi.Message {
	h.t.Helper()
	if len(msgs) != 1 {
		var texts []string
		for _, m := range msgs {
			texts = append(texts, m.Plain)
		}
		h.t.Fatalf("got %d messages, want 1: %q", len(msgs), texts)
	}
	return msgs[0]
}

// assertTelegramAcceptedEverything fails the test if any sendMessage was
// refused: bad HTML, over 4096 characters, bad button data.
func (h *harness) assertTelegramAcceptedEverything() {
	for _, a := range h.fake.SendAttempts() {
		if a.Code != 200 {
			h.t.Errorf("Telegram refused a message to chat %d: %d %s", a.ChatID, a.Code, a.Description)
		}
	}
}

// buttonData finds a button whose label contains label.
func buttonData(t *testing.T, m fakebotapi.Message, label string) string {
	t.Helper()
	for _, row := range m.Keyboard {
		for _, b := range row {
			if strings.Contains(b.Text, label) {
				return b.CallbackData
			}
		}
	}
	t.Fatalf("no button %q in %+v", label, m.Keyboard)
	return ""
}

func mustContain(t *testing.T, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("message does not contain %q:\n%s", w, got)
		}
	}
}
