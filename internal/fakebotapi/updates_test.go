package fakebotapi

import (
	"context"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

var ann = User{ID: 42, FirstName: "Ann", Username: "ann", LanguageCode: "ru"}

func TestStartCommandIsHandledAndAnswered(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv, bot.WithDefaultHandler(func(context.Context, *bot.Bot, *models.Update) {}))
	b.RegisterHandler(bot.HandlerTypeMessageText, "start", bot.MatchTypeCommand,
		func(ctx context.Context, b *bot.Bot, u *models.Update) {
			_, _ = b.SendMessage(ctx, &bot.SendMessageParams{
				ChatID:    u.Message.Chat.ID,
				Text:      "Hello, <b>" + html.EscapeString(u.Message.From.FirstName) + "</b>!",
				ParseMode: models.ParseModeHTML,
			})
		})
	ctx := startBot(t, b)

	srv.SendText(42, ann, "/start")
	msgs, err := srv.WaitMessages(ctx, 42, 1)
	if err != nil {
		t.Fatal(err)
	}
	if msgs[0].Plain != "Hello, Ann!" || msgs[0].ParseMode != "HTML" {
		t.Errorf("reply = %+v, want plain \"Hello, Ann!\" in HTML", msgs[0])
	}
	if err := srv.WaitUntil(ctx, func() bool { return srv.PendingUpdates() == 0 }); err != nil {
		t.Errorf("update never confirmed: %v", err)
	}
}

func TestCommandEntities(t *testing.T) {
	tests := []struct {
		text       string
		chatID     int64
		wantLength int // 0: no bot_command entity
		wantType   models.ChatType
	}{
		{"/start", 42, 6, models.ChatTypePrivate},
		{"/sub rust go", 42, 4, models.ChatTypePrivate},
		{"/start@newsbot_test_bot", -5, 23, models.ChatTypeGroup},
		{"/list@newsbot_test_bot now", -1001234567890, 22, models.ChatTypeSupergroup},
		{"hello /start", 42, 0, models.ChatTypePrivate},
		{"/", 42, 0, models.ChatTypePrivate},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			srv := newServer(t)
			got := make(chan *models.Update, 1)
			b := newBot(t, srv, bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) { got <- u }))
			ctx := startBot(t, b)
			id := srv.SendText(tt.chatID, ann, tt.text)
			var u *models.Update
			select {
			case u = <-got:
			case <-ctx.Done():
				t.Fatal("update not delivered")
			}
			m := u.Message
			if u.ID != id || m == nil || m.Text != tt.text || m.Chat.ID != tt.chatID || m.Chat.Type != tt.wantType || m.From.ID != ann.ID {
				t.Fatalf("update %d %+v, want update %d with text %q in a %s chat %d", u.ID, m, id, tt.text, tt.wantType, tt.chatID)
			}
			var length int
			for _, e := range m.Entities {
				if e.Type == models.MessageEntityTypeBotCommand && e.Offset == 0 {
					length = e.Length
				}
			}
			if length != tt.wantLength {
				t.Errorf("bot_command length = %d, want %d", length, tt.wantLength)
			}
		})
	}
}

func TestSendSticker(t *testing.T) {
	srv := newServer(t)
	got := make(chan *models.Update, 1)
	b := newBot(t, srv, bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) { got <- u }))
	ctx := startBot(t, b)
	srv.SendSticker(42, ann)
	select {
	case u := <-got:
		if u.Message == nil || u.Message.Sticker == nil || u.Message.Text != "" {
			t.Errorf("update %+v, want a sticker message without text", u.Message)
		}
	case <-ctx.Done():
		t.Fatal("update not delivered")
	}
}

func TestPressDeliversCallbackQuery(t *testing.T) {
	srv := newServer(t)
	got := make(chan *models.CallbackQuery, 1)
	b := newBot(t, srv, bot.WithDefaultHandler(func(context.Context, *bot.Bot, *models.Update) {}))
	b.RegisterHandler(bot.HandlerTypeCallbackQueryData, "sub:", bot.MatchTypePrefix,
		func(ctx context.Context, b *bot.Bot, u *models.Update) {
			got <- u.CallbackQuery
			_, _ = b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: u.CallbackQuery.ID, Text: "Subscribed"})
		})
	ctx := startBot(t, b)
	sent, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: 42, Text: "Rust 1.80", ReplyMarkup: keyboard("sub:rust")})
	if err != nil {
		t.Fatalf("SendMessage: %v", err)
	}

	queryID := srv.Press(42, ann, int64(sent.ID), "sub:rust")
	var q *models.CallbackQuery
	select {
	case q = <-got:
	case <-ctx.Done():
		t.Fatal("callback query not delivered")
	}
	if q.ID != queryID || q.Data != "sub:rust" || q.From.ID != ann.ID {
		t.Errorf("query %+v, want id %s, data sub:rust from Ann", q, queryID)
	}
	if m := q.Message.Message; m == nil || m.ID != sent.ID || m.Text != "Rust 1.80" || m.Chat.ID != 42 {
		t.Errorf("query message %+v, want the bot's message %d", q.Message, sent.ID)
	}
	answer, err := srv.WaitAnswer(ctx, queryID)
	if err != nil || answer.Text != "Subscribed" {
		t.Errorf("answer %+v, %v; want \"Subscribed\"", answer, err)
	}
	_, err = b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: queryID})
	if err == nil {
		t.Error("a second answer to the same query succeeded, want query is too old")
	}
}

func TestPressOnMissingMessageIsInaccessible(t *testing.T) {
	srv := newServer(t)
	got := make(chan *models.CallbackQuery, 1)
	b := newBot(t, srv, bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) { got <- u.CallbackQuery }))
	ctx := startBot(t, b)
	srv.Press(42, ann, 999, "x")
	select {
	case q := <-got:
		if q == nil || q.Message.Type != models.MaybeInaccessibleMessageTypeInaccessibleMessage || q.Message.InaccessibleMessage.MessageID != 999 {
			t.Errorf("query %+v, want an inaccessible message 999", q)
		}
	case <-ctx.Done():
		t.Fatal("callback query not delivered")
	}
}

func updateIDs(t *testing.T, a apiAnswer) []int64 {
	t.Helper()
	var updates []struct {
		ID int64 `json:"update_id"`
	}
	if err := json.Unmarshal(a.Result, &updates); err != nil {
		t.Fatalf("decode updates %s: %v", a.Result, err)
	}
	ids := []int64{}
	for _, u := range updates {
		ids = append(ids, u.ID)
	}
	return ids
}

func TestGetUpdatesOffsetAndLimit(t *testing.T) {
	srv := newServer(t)
	for i := 0; i < 4; i++ {
		srv.SendText(42, ann, "hi")
	}
	steps := []struct {
		params      url.Values
		wantIDs     []int64
		wantPending int
	}{
		{url.Values{}, []int64{1, 2, 3, 4}, 4},
		{url.Values{"offset": {"3"}}, []int64{3, 4}, 2},
		{url.Values{"offset": {"3"}, "limit": {"1"}}, []int64{3}, 2},
		{url.Values{"offset": {"-1"}}, []int64{4}, 1},
	}
	for _, st := range steps {
		_, a := postForm(t, srv, "getUpdates", st.params)
		got := updateIDs(t, a)
		if !equalIDs(got, st.wantIDs) || srv.PendingUpdates() != st.wantPending {
			t.Errorf("getUpdates %v = %v with %d pending, want %v with %d pending", st.params, got, srv.PendingUpdates(), st.wantIDs, st.wantPending)
		}
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestGetUpdatesBlocksWhenEmpty(t *testing.T) {
	tests := []struct {
		name     string
		params   url.Values
		pollWait time.Duration
		want     time.Duration
	}{
		{"no timeout waits the poll wait", url.Values{}, 300 * time.Millisecond, 300 * time.Millisecond},
		{"client timeout is capped", url.Values{"timeout": {"50"}}, 300 * time.Millisecond, 300 * time.Millisecond},
		{"shorter client timeout wins", url.Values{"timeout": {"1"}}, 5 * time.Second, time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, WithPollWait(tt.pollWait))
			start := time.Now()
			_, a := postForm(t, srv, "getUpdates", tt.params)
			took := time.Since(start)
			if ids := updateIDs(t, a); len(ids) != 0 {
				t.Errorf("got updates %v from an empty queue", ids)
			}
			if took < tt.want || took > tt.want+2*time.Second {
				t.Errorf("empty getUpdates took %v, want about %v", took, tt.want)
			}
		})
	}
}

func TestGetUpdatesWakesOnNewUpdate(t *testing.T) {
	srv := newServer(t, WithPollWait(10*time.Second))
	go func() {
		time.Sleep(100 * time.Millisecond)
		srv.SendText(42, ann, "hi")
	}()
	start := time.Now()
	_, a := postForm(t, srv, "getUpdates", url.Values{"timeout": {"10"}})
	if ids := updateIDs(t, a); len(ids) != 1 || time.Since(start) > 5*time.Second {
		t.Errorf("getUpdates = %v after %v, want the new update at once", ids, time.Since(start))
	}
}

func TestSecondPollerTerminatesFirst(t *testing.T) {
	srv := newServer(t, WithPollWait(time.Second))
	polling := func() bool {
		srv.mu.Lock()
		defer srv.mu.Unlock()
		return len(srv.pollers) == 1
	}
	var wg sync.WaitGroup
	wg.Add(1)
	var first apiAnswer
	var firstStatus int
	go func() {
		defer wg.Done()
		firstStatus, first = postForm(t, srv, "getUpdates", url.Values{})
	}()
	if err := srv.WaitUntil(testContext(t), polling); err != nil {
		t.Fatal(err)
	}
	_, second := postForm(t, srv, "getUpdates", url.Values{})
	wg.Wait()
	if firstStatus != http.StatusConflict || first.ErrorCode != 409 {
		t.Errorf("first poll answered %d %+v, want 409 Conflict", firstStatus, first)
	}
	if !second.OK {
		t.Errorf("second poll answered %+v, want ok", second)
	}
}
