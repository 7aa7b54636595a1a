package fakebotapi

import (
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func TestMyCommands(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := testContext(t)
	en := []models.BotCommand{{Command: "start", Description: "Start"}, {Command: "list", Description: "Subscriptions"}}
	ru := []models.BotCommand{{Command: "start", Description: "Начать"}}
	sets := []bot.SetMyCommandsParams{
		{Commands: en},
		{Commands: ru, LanguageCode: "ru"},
		{Commands: ru, LanguageCode: "ru", Scope: &models.BotCommandScopeAllPrivateChats{}},
		{Commands: en, Scope: &models.BotCommandScopeChat{ChatID: -100}},
	}
	for _, p := range sets {
		if _, err := b.SetMyCommands(ctx, &p); err != nil {
			t.Fatalf("SetMyCommands(%+v): %v", p, err)
		}
	}
	want := map[string][]Command{
		"":   {{"start", "Start"}, {"list", "Subscriptions"}},
		"ru": {{"start", "Начать"}},
	}
	if got := srv.Commands(); !reflect.DeepEqual(got, want) {
		t.Errorf("Commands() = %v, want %v", got, want)
	}
	if got := srv.ScopedCommands("all_private_chats"); len(got) != 1 || len(got["ru"]) != 1 {
		t.Errorf("ScopedCommands(all_private_chats) = %v, want the ru list", got)
	}
	if got := srv.ScopedCommands("chat:-100"); len(got[""]) != 2 {
		t.Errorf("ScopedCommands(chat:-100) = %v, want the default list", got)
	}

	got, err := b.GetMyCommands(ctx, &bot.GetMyCommandsParams{LanguageCode: "ru"})
	if err != nil || !reflect.DeepEqual(got, ru) {
		t.Errorf("GetMyCommands(ru) = %v, %v; want %v", got, err, ru)
	}
	if _, err := b.DeleteMyCommands(ctx, &bot.DeleteMyCommandsParams{LanguageCode: "ru"}); err != nil {
		t.Fatalf("DeleteMyCommands: %v", err)
	}
	if got, err := b.GetMyCommands(ctx, &bot.GetMyCommandsParams{LanguageCode: "ru"}); err != nil || len(got) != 0 {
		t.Errorf("GetMyCommands(ru) after delete = %v, %v; want none", got, err)
	}
}

func TestSetMyCommandsValidation(t *testing.T) {
	tests := []struct {
		name    string
		command models.BotCommand
		wantErr string
	}{
		{"upper case", models.BotCommand{Command: "Start", Description: "x"}, "BOT_COMMAND_INVALID"},
		{"slash", models.BotCommand{Command: "/start", Description: "x"}, "BOT_COMMAND_INVALID"},
		{"too long", models.BotCommand{Command: strings.Repeat("a", 33), Description: "x"}, "BOT_COMMAND_INVALID"},
		{"no description", models.BotCommand{Command: "start"}, "command description must be non-empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			b := newBot(t, srv)
			_, err := b.SetMyCommands(testContext(t), &bot.SetMyCommandsParams{Commands: []models.BotCommand{tt.command}})
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestWebhook(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := testContext(t)
	if _, err := b.SetWebhook(ctx, &bot.SetWebhookParams{URL: "http://insecure.example"}); err == nil {
		t.Error("an http webhook was accepted, want an HTTPS URL required")
	}
	srv.SendText(42, ann, "hi")
	_, err := b.SetWebhook(ctx, &bot.SetWebhookParams{URL: "https://bot.example/hook", SecretToken: "s3cret", AllowedUpdates: []string{"message"}})
	if err != nil {
		t.Fatalf("SetWebhook: %v", err)
	}
	want := Webhook{URL: "https://bot.example/hook", SecretToken: "s3cret", MaxConnections: 40, AllowedUpdates: []string{"message"}}
	if got := srv.Webhook(); !reflect.DeepEqual(got, want) {
		t.Errorf("Webhook() = %+v, want %+v", got, want)
	}
	info, err := b.GetWebhookInfo(ctx)
	if err != nil || info.URL != want.URL || info.PendingUpdateCount != 1 {
		t.Errorf("GetWebhookInfo = %+v, %v; want the URL and 1 pending update", info, err)
	}
	if status, a := postForm(t, srv, "getUpdates", url.Values{}); status != http.StatusConflict || !strings.Contains(a.Description, "webhook is active") {
		t.Errorf("getUpdates with a webhook answered %d %+v, want 409", status, a)
	}
	if _, err := b.DeleteWebhook(ctx, &bot.DeleteWebhookParams{DropPendingUpdates: true}); err != nil {
		t.Fatalf("DeleteWebhook: %v", err)
	}
	if srv.Webhook().URL != "" || srv.PendingUpdates() != 0 {
		t.Errorf("after DeleteWebhook: webhook %+v, %d pending; want none", srv.Webhook(), srv.PendingUpdates())
	}
}
