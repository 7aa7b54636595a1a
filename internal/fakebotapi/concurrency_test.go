package fakebotapi

import (
	"sync"
	"testing"

	"github.com/go-telegram/bot"
)

func TestConcurrentUse(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := testContext(t)
	const chats, perChat = 8, 10
	var wg sync.WaitGroup
	for c := int64(1); c <= chats; c++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := 0; i < perChat; i++ {
				if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: c, Text: "<b>x</b>", ParseMode: "HTML"}); err != nil {
					t.Errorf("SendMessage: %v", err)
				}
			}
		}()
		go func() {
			defer wg.Done()
			for i := 0; i < perChat; i++ {
				srv.SendText(c, User{ID: c}, "hi")
				_ = srv.Messages(c)
				_ = srv.Calls("sendMessage")
			}
		}()
	}
	wg.Wait()
	all := srv.AllMessages()
	seen := map[int64]bool{}
	for _, m := range all {
		if seen[m.MessageID] {
			t.Fatalf("message id %d used twice", m.MessageID)
		}
		seen[m.MessageID] = true
	}
	if len(all) != chats*perChat || srv.PendingUpdates() != chats*perChat {
		t.Errorf("%d messages and %d updates, want %d of each", len(all), srv.PendingUpdates(), chats*perChat)
	}
}
