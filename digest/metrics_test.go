package digest_test

import (
	"maps"
	"sync"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
)

type sendMetrics struct {
	mu       sync.Mutex
	builds   int
	outcomes map[string]int
	alerts   map[string]int  // queued, folded, sent
	delays   []time.Duration // of the alerts sent
}

func (m *sendMetrics) AlertsQueued(n int) { m.alert("queued", n) }
func (m *sendMetrics) AlertsFolded(n int) { m.alert("folded", n) }
func (m *sendMetrics) AlertSent(d time.Duration) {
	m.alert("sent", 1)
	m.mu.Lock()
	m.delays = append(m.delays, d)
	m.mu.Unlock()
}
func (m *sendMetrics) alert(event string, n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.alerts == nil {
		m.alerts = map[string]int{}
	}
	m.alerts[event] += n
}

func (m *sendMetrics) DigestBuilt(time.Duration) { m.mu.Lock(); m.builds++; m.mu.Unlock() }
func (m *sendMetrics) DigestPartSent(o string, _ time.Duration) {
	m.mu.Lock()
	m.outcomes[o]++
	m.mu.Unlock()
}

// Every sendMessage call of a part is counted once, by what Telegram said.
func TestSenderCountsEveryCallByOutcome(t *testing.T) {
	e := newOutboxEnv(t)
	queue(t, e.st, 1, "one", "two")
	queue(t, e.st, 2, "three")
	queue(t, e.st, 3, "four")
	e.srv.Block(2)
	var c callCounter
	e.srv.SetHook(func(call fakebotapi.Call) *fakebotapi.APIError {
		if call.ChatID() == 3 && c.next(3) == 1 {
			return fakebotapi.TooManyRequests(0)
		}
		return nil
	})
	m := &sendMetrics{outcomes: map[string]int{}}
	opts := fastOptions(t)
	opts.Metrics = m
	e.drain(e.sender(opts))
	want := map[string]int{"ok": 3, "forbidden": 1, "too_many_requests": 1}
	if !maps.Equal(m.outcomes, want) {
		t.Errorf("outcomes = %v, want %v", m.outcomes, want)
	}
}

// A pass observes each batch it built: 501 chats are two batches of up
// to 500.
func TestBuilderObservesEachBatch(t *testing.T) {
	m := &sendMetrics{outcomes: map[string]int{}}
	e := newDigestEnv(t, digest.BuildOptions{Metrics: m})
	for id := int64(1); id <= 501; id++ {
		e.chat(id, "en")
		e.follow(id, "mfa-budapest")
	}
	e.importFixture()
	st := e.pass(almaty(2025, 11, 26, 9, 0))
	if m.builds != 2 || st.Due != 501 || st.Built != 501 {
		t.Errorf("observed %d batches of a pass of %+v; want 2 batches, 501 due chats, 501 digests", m.builds, st)
	}
}
