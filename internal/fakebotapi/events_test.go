package fakebotapi

import (
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func TestEvents(t *testing.T) {
	events := make(chan Event, 16)
	srv := newServer(t, WithEvents(func(e Event) { events <- e }))
	b := newBot(t, srv)
	ctx := testContext(t)

	sent, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: 9, Text: "one"})
	if err != nil {
		t.Fatalf("SendMessage: %v", err)
	}
	if _, err := b.SendChatAction(ctx, &bot.SendChatActionParams{ChatID: 9, Action: models.ChatActionTyping}); err != nil {
		t.Fatalf("SendChatAction: %v", err)
	}
	if _, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: 9, MessageID: sent.ID, Text: "two"}); err != nil {
		t.Fatalf("EditMessageText: %v", err)
	}
	if _, err := b.DeleteMessage(ctx, &bot.DeleteMessageParams{ChatID: 9, MessageID: sent.ID}); err != nil {
		t.Fatalf("DeleteMessage: %v", err)
	}

	want := []struct {
		kind  EventKind
		plain string
	}{{EventSent, "one"}, {EventAction, ""}, {EventEdited, "two"}, {EventDeleted, "two"}}
	for i, w := range want {
		select {
		case e := <-events:
			if e.Kind != w.kind || e.ChatID != 9 || e.Message.Plain != w.plain {
				t.Errorf("event %d = %+v, want kind %d with plain %q in chat 9", i, e, w.kind, w.plain)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("event %d never came", i)
		}
	}
}
