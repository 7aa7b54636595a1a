package poll

import (
	"context"
	"sync"
)

const (
	// perHost is the most requests in flight to one host at once, whatever
	// the number of workers: every gov.kz entity is served by one host, and
	// a crawler should not hammer it.
	perHost = 4
	// downAfter is how many requests to a host must fail at the network
	// level, before any of them got an answer, for the host to count as down
	// for the rest of the pass. A host that answered once is up: its later
	// failures are its sources' own.
	downAfter = 3
)

// HostDown is why a source was not polled: its host was found unreachable
// earlier in the pass.
type HostDown struct {
	Host   string
	Reason string // in words, such as "connection timed out"
}

func (d *HostDown) Error() string { return d.Host + " unreachable: " + d.Reason }

// hosts is what one pass knows of the hosts it requests: how many requests
// are in flight to each, and which are down. It lives as long as the pass
// (it travels in the pass's context), so that a host down in one pass is
// tried again in the next.
type hosts struct {
	mu sync.Mutex
	m  map[string]*host
}

type host struct {
	name     string
	slots    chan struct{} // a token per request in flight
	answered bool          // some request got an HTTP answer
	failures int           // network-level failures before any answer
	down     *HostDown
	// gone ends when the host goes down, abandoning the requests in flight
	// to it: they would only wait out their timeout.
	gone    context.Context
	goneNow context.CancelFunc
}

type hostsKey struct{}

func withHosts(ctx context.Context, h *hosts) context.Context {
	return context.WithValue(ctx, hostsKey{}, h)
}

// hostsOf is the pass's hosts; nil (no limit, nothing down) outside a pass.
func hostsOf(ctx context.Context) *hosts {
	h, _ := ctx.Value(hostsKey{}).(*hosts)
	return h
}

func newHosts() *hosts { return &hosts{m: map[string]*host{}} }

func (hs *hosts) get(name string) *host {
	hs.mu.Lock()
	defer hs.mu.Unlock()
	h := hs.m[name]
	if h == nil {
		h = &host{name: name, slots: make(chan struct{}, perHost)}
		h.gone, h.goneNow = context.WithCancel(context.Background())
		hs.m[name] = h
	}
	return h
}

// acquire waits for a free slot on the host; release frees it. A host that
// is down, or goes down while waiting, is not requested: the error is its
// *HostDown. Without hosts (outside a pass) there is no limit.
func (hs *hosts) acquire(ctx context.Context, name string) (h *host, err error) {
	if hs == nil {
		return nil, nil
	}
	h = hs.get(name)
	if d := hs.downFor(name); d != nil {
		return nil, d
	}
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-h.gone.Done():
		return nil, hs.downFor(name)
	}
	if d := hs.downFor(name); d != nil {
		<-h.slots
		return nil, d
	}
	return h, nil
}

func (h *host) release() {
	if h != nil {
		<-h.slots
	}
}

// abandonWhenDown calls cancel if the host goes down before stop is called.
func (h *host) abandonWhenDown(cancel context.CancelFunc) (stop func() bool) {
	if h == nil {
		return func() bool { return false }
	}
	return context.AfterFunc(h.gone, cancel)
}

// downFor is the host's HostDown, or nil while it is up.
func (hs *hosts) downFor(name string) *HostDown {
	if hs == nil {
		return nil
	}
	hs.mu.Lock()
	defer hs.mu.Unlock()
	if h := hs.m[name]; h != nil {
		return h.down
	}
	return nil
}

// answered records an HTTP answer from the host, whatever its status.
func (hs *hosts) answered(h *host) {
	if h == nil {
		return
	}
	hs.mu.Lock()
	defer hs.mu.Unlock()
	h.answered = true
}

// failed records a request that got no answer at all.
func (hs *hosts) failed(h *host, ne *NetError) {
	if h == nil {
		return
	}
	hs.mu.Lock()
	defer hs.mu.Unlock()
	if h.answered || h.down != nil {
		return
	}
	if h.failures++; h.failures >= downAfter {
		h.down = &HostDown{Host: h.name, Reason: ne.Reason}
		h.goneNow()
	}
}
