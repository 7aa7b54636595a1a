package fakebotapi

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func TestGetMe(t *testing.T) {
	srv := newServer(t, WithUsername("example_bot"))
	b := newBot(t, srv)
	me, err := b.GetMe(testContext(t))
	if err != nil {
		t.Fatalf("GetMe: %v", err)
	}
	if me.ID != 123456 || !me.IsBot || me.Username != "example_bot" {
		t.Errorf("GetMe = %+v, want id 123456 (the token's prefix), a bot named example_bot", me)
	}
	if calls := srv.Calls("getMe"); len(calls) != 2 { // bot.New calls it too
		t.Errorf("getMe calls = %d, want 2", len(calls))
	}
}

func keyboard(data ...string) *models.InlineKeyboardMarkup {
	var row []models.InlineKeyboardButton
	for _, d := range data {
		row = append(row, models.InlineKeyboardButton{Text: "btn " + d, CallbackData: d})
	}
	return &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{row}}
}

func TestSendMessage(t *testing.T) {
	tests := []struct {
		name      string
		params    bot.SendMessageParams
		wantPlain string
		wantErr   string // part of the error text; "" for success
	}{
		{
			name:      "valid HTML",
			params:    bot.SendMessageParams{ChatID: 42, Text: "<b>New</b> release &amp; more", ParseMode: models.ParseModeHTML},
			wantPlain: "New release & more",
		},
		{
			name:      "no parse mode keeps markup as text",
			params:    bot.SendMessageParams{ChatID: 42, Text: "<b>x</b>"},
			wantPlain: "<b>x</b>",
		},
		{
			name:    "bad HTML",
			params:  bot.SendMessageParams{ChatID: 42, Text: "a<br>b", ParseMode: models.ParseModeHTML},
			wantErr: `can't parse entities: Unsupported start tag "br" at byte offset 1`,
		},
		{
			name:    "empty after parsing",
			params:  bot.SendMessageParams{ChatID: 42, Text: "<b> </b>", ParseMode: models.ParseModeHTML},
			wantErr: "message text is empty",
		},
		{
			name:    "too long",
			params:  bot.SendMessageParams{ChatID: 42, Text: strings.Repeat("я", 4097)},
			wantErr: "message is too long",
		},
		{
			name:      "4096 characters after parsing is fine",
			params:    bot.SendMessageParams{ChatID: 42, Text: "<b>" + strings.Repeat("x", 4096) + "</b>", ParseMode: models.ParseModeHTML},
			wantPlain: strings.Repeat("x", 4096),
		},
		{
			name:    "callback data over 64 bytes",
			params:  bot.SendMessageParams{ChatID: 42, Text: "x", ReplyMarkup: keyboard(strings.Repeat("d", 65))},
			wantErr: "BUTTON_DATA_INVALID",
		},
		{
			name:    "missing chat",
			params:  bot.SendMessageParams{Text: "x"},
			wantErr: "chat not found",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			b := newBot(t, srv)
			got, err := b.SendMessage(testContext(t), &tt.params)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.Is(err, bot.ErrorBadRequest) {
					t.Fatalf("SendMessage error = %v, want a bad request containing %q", err, tt.wantErr)
				}
				if msgs := srv.AllMessages(); len(msgs) != 0 {
					t.Errorf("recorded %d messages for a refused send", len(msgs))
				}
				return
			}
			if err != nil {
				t.Fatalf("SendMessage: %v", err)
			}
			msgs := srv.Messages(42)
			if len(msgs) != 1 {
				t.Fatalf("Messages(42) = %d messages, want 1", len(msgs))
			}
			m := msgs[0]
			if m.Plain != tt.wantPlain || m.Text != tt.params.Text || int64(got.ID) != m.MessageID || got.Text != tt.wantPlain {
				t.Errorf("recorded %+v and answered id %d text %q; want plain %q", m, got.ID, got.Text, tt.wantPlain)
			}
			if got.Chat.ID != 42 || got.Chat.Type != models.ChatTypePrivate || got.From == nil || !got.From.IsBot {
				t.Errorf("answered chat %+v from %+v, want private chat 42 from the bot", got.Chat, got.From)
			}
		})
	}
}

func TestSendMessageRecordsKeyboardAndPreview(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	markup := &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{
		{{Text: "Subscribe", CallbackData: "sub:1"}},
		{{Text: "Open", URL: "https://example.org/r/1"}},
	}}
	sent, err := b.SendMessage(testContext(t), &bot.SendMessageParams{
		ChatID: -100, Text: "x", ReplyMarkup: markup,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: bot.True()},
	})
	if err != nil {
		t.Fatalf("SendMessage: %v", err)
	}
	m := srv.Messages(-100)[0]
	want := [][]Button{{{Text: "Subscribe", CallbackData: "sub:1"}}, {{Text: "Open", URL: "https://example.org/r/1"}}}
	if !sameKeyboard(m.Keyboard, want) || !m.DisablePreview {
		t.Errorf("recorded keyboard %v, preview disabled %v; want %v, true", m.Keyboard, m.DisablePreview, want)
	}
	if sent.Chat.Type != models.ChatTypeGroup || sent.ReplyMarkup == nil || len(sent.ReplyMarkup.InlineKeyboard) != 2 {
		t.Errorf("answered chat %+v, markup %+v; want a group with the keyboard echoed", sent.Chat, sent.ReplyMarkup)
	}
}

func TestMessageIDsIncrease(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := testContext(t)
	var last int
	for _, chat := range []int64{1, 2, 1} {
		m, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: chat, Text: "x"})
		if err != nil {
			t.Fatalf("SendMessage: %v", err)
		}
		if m.ID <= last {
			t.Errorf("message id %d after %d, want increasing ids", m.ID, last)
		}
		last = m.ID
	}
	if got := len(srv.Messages(1)); got != 2 {
		t.Errorf("Messages(1) = %d, want 2", got)
	}
}

func TestEditAndDelete(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := testContext(t)
	sent, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: 7, Text: "v1", ReplyMarkup: keyboard("a")})
	if err != nil {
		t.Fatalf("SendMessage: %v", err)
	}
	id := sent.ID

	steps := []struct {
		name    string
		do      func() error
		wantErr string
	}{
		{"edit text", func() error {
			_, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: 7, MessageID: id, Text: "<i>v2</i>", ParseMode: models.ParseModeHTML, ReplyMarkup: keyboard("a")})
			return err
		}, ""},
		{"same content again", func() error {
			_, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: 7, MessageID: id, Text: "<i>v2</i>", ParseMode: models.ParseModeHTML, ReplyMarkup: keyboard("a")})
			return err
		}, "message is not modified"},
		{"edit keyboard", func() error {
			_, err := b.EditMessageReplyMarkup(ctx, &bot.EditMessageReplyMarkupParams{ChatID: 7, MessageID: id, ReplyMarkup: keyboard("b", "c")})
			return err
		}, ""},
		{"edit in another chat", func() error {
			_, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: 8, MessageID: id, Text: "x"})
			return err
		}, "message to edit not found"},
		{"delete", func() error {
			_, err := b.DeleteMessage(ctx, &bot.DeleteMessageParams{ChatID: 7, MessageID: id})
			return err
		}, ""},
		{"delete again", func() error {
			_, err := b.DeleteMessage(ctx, &bot.DeleteMessageParams{ChatID: 7, MessageID: id})
			return err
		}, "message to delete not found"},
		{"edit deleted", func() error {
			_, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: 7, MessageID: id, Text: "v3"})
			return err
		}, "message to edit not found"},
	}
	for _, st := range steps {
		err := st.do()
		if st.wantErr == "" && err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if st.wantErr != "" && (err == nil || !strings.Contains(err.Error(), st.wantErr)) {
			t.Fatalf("%s: error = %v, want one containing %q", st.name, err, st.wantErr)
		}
	}
	m, ok := srv.Message(int64(id))
	if !ok {
		t.Fatalf("Message(%d) not found", id)
	}
	wantKeyboard := [][]Button{{{Text: "btn b", CallbackData: "b"}, {Text: "btn c", CallbackData: "c"}}}
	if m.Plain != "v2" || m.Text != "<i>v2</i>" || !m.Edited || !m.Deleted || !sameKeyboard(m.Keyboard, wantKeyboard) {
		t.Errorf("final message %+v, want plain v2, edited, deleted, keyboard %v", m, wantKeyboard)
	}
}

func TestEditWithoutMarkupRemovesKeyboard(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := testContext(t)
	sent, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: 7, Text: "v1", ReplyMarkup: keyboard("a")})
	if err != nil {
		t.Fatalf("SendMessage: %v", err)
	}
	if _, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: 7, MessageID: sent.ID, Text: "v2"}); err != nil {
		t.Fatalf("EditMessageText: %v", err)
	}
	if m, _ := srv.Message(int64(sent.ID)); m.Keyboard != nil {
		t.Errorf("keyboard after an edit without reply_markup = %v, want none", m.Keyboard)
	}
}

func TestUnknownMethod(t *testing.T) {
	srv := newServer(t)
	status, a := post(t, srv, "sendPhoto", "application/json", `{"chat_id":1}`)
	if status != http.StatusNotFound || a.OK || a.ErrorCode != 404 || a.Description != "Not Found: method not found" {
		t.Errorf("sendPhoto answered %d %+v, want 404 Not Found: method not found", status, a)
	}
}

func TestRequestBodyFormats(t *testing.T) {
	tests := []struct {
		name, contentType, body string
	}{
		{"json", "application/json", `{"chat_id":5,"text":"<b>hi</b>","parse_mode":"HTML","reply_markup":{"inline_keyboard":[[{"text":"k","callback_data":"d"}]]}}`},
		{"form", "application/x-www-form-urlencoded", url.Values{
			"chat_id": {"5"}, "text": {"<b>hi</b>"}, "parse_mode": {"HTML"},
			"reply_markup": {`{"inline_keyboard":[[{"text":"k","callback_data":"d"}]]}`},
		}.Encode()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			status, a := post(t, srv, "sendMessage", tt.contentType, tt.body)
			if status != http.StatusOK || !a.OK {
				t.Fatalf("sendMessage answered %d %+v", status, a)
			}
			msgs := srv.Messages(5)
			if len(msgs) != 1 || msgs[0].Plain != "hi" || len(msgs[0].Keyboard) != 1 || msgs[0].Keyboard[0][0].CallbackData != "d" {
				t.Errorf("recorded %+v, want one message \"hi\" with button data d", msgs)
			}
			if calls := srv.Calls("sendmessage"); len(calls) != 1 || calls[0].ChatID() != 5 || calls[0].Fields["parse_mode"] != "HTML" {
				t.Errorf("Calls = %+v", calls)
			}
		})
	}
}

func TestSendChatAction(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := testContext(t)
	if _, err := b.SendChatAction(ctx, &bot.SendChatActionParams{ChatID: 3, Action: models.ChatActionTyping}); err != nil {
		t.Fatalf("SendChatAction: %v", err)
	}
	_, err := b.SendChatAction(ctx, &bot.SendChatActionParams{ChatID: 3, Action: "dancing"})
	if err == nil || !strings.Contains(err.Error(), "wrong parameter action") {
		t.Errorf("unknown action error = %v, want wrong parameter action", err)
	}
}
