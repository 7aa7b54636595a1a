package digest_test

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
)

// A sender stopped while Telegram is accepting a message leaves that part
// pending; a new sender delivers every part, and the only duplicates are
// parts that were in flight: at most Workers.
func TestKilledMidDeliveryRedeliversEverything(t *testing.T) {
	e := newOutboxEnv(t)
	const chats = 12
	for chat := int64(1); chat <= chats; chat++ {
		queue(t, e.st, chat, partTexts(chat, 2)...)
	}
	// The first call is held until the first sender is gone, then accepted:
	// Telegram took the message, the sender never learnt it.
	inFlight, release := make(chan int64, 1), make(chan struct{})
	releaseHeld := sync.OnceFunc(func() { close(release) })
	t.Cleanup(releaseHeld)
	var once sync.Once
	e.srv.SetHook(func(c fakebotapi.Call) *fakebotapi.APIError {
		held := false
		once.Do(func() { held = true })
		if held {
			inFlight <- c.ChatID()
			<-release
		}
		return nil
	})

	opts := fastOptions(t)
	ctx, kill := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- digest.NewSender(e.st, e.tg, opts).Run(ctx) }()
	heldChat := <-inFlight
	kill()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
	releaseHeld()
	if _, err := e.srv.WaitMessages(context.Background(), heldChat, 1); err != nil {
		t.Fatal(err)
	}

	e.drain(digest.NewSender(e.st, newClient(t, e.srv), opts))

	duplicates := 0
	for chat := int64(1); chat <= chats; chat++ {
		got := slices.Compact(texts(e.srv, chat))
		if want := partTexts(chat, 2); !slices.Equal(got, want) {
			t.Errorf("chat %d got %q, want %q (duplicates allowed only side by side)", chat, got, want)
		}
		duplicates += len(e.srv.Messages(chat)) - len(got)
	}
	if duplicates < 1 || duplicates > opts.Workers {
		t.Errorf("%d duplicates, want between 1 (the held part) and Workers = %d", duplicates, opts.Workers)
	}
	if n, err := e.st.PendingParts(context.Background()); err != nil || n != 0 {
		t.Errorf("pending parts = %d, %v; want 0", n, err)
	}
	t.Logf("%d duplicate(s) after the kill", duplicates)
}
