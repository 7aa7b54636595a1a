package poll

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
)

// ticketOrigin is the Origin the handshake must carry, whatever base URL
// the requests go to: the ticket is the gov.kz web app's.
const ticketOrigin = "https://www.gov.kz"

// ticket is the cookie-ticket of the gov.kz JSON API: its list answers 400
// notAllowed unless the client first POSTs /api/v1/public/_/c/k6 and keeps
// the cookie it sets (the getter's jar keeps it). One ticket serves every
// worker; gen counts handshakes, so that workers that all find the ticket
// stale renew it once between them, not once each.
type ticket struct {
	base string
	get  *getter
	mu   sync.Mutex
	gen  int // 0: no handshake yet
}

// current returns the generation of the ticket, shaking hands first when
// there is none yet.
func (t *ticket) current(ctx context.Context) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.gen == 0 {
		if err := t.handshake(ctx); err != nil {
			return 0, err
		}
		t.gen++
	}
	return t.gen, nil
}

// renew replaces the ticket of generation gen, unless another worker
// already has.
func (t *ticket) renew(ctx context.Context, gen int) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.gen != gen {
		return nil
	}
	if err := t.handshake(ctx); err != nil {
		return err
	}
	t.gen++
	return nil
}

func (t *ticket) handshake(ctx context.Context) error {
	req, err := http.NewRequest(http.MethodPost, t.base+"/api/v1/public/_/c/k6", bytes.NewReader([]byte("{}")))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Origin", ticketOrigin)
	a, err := t.get.do(ctx, req)
	if err == nil && (a.status < 200 || a.status > 299) {
		err = unexpected(a)
	}
	if err != nil {
		return fmt.Errorf("ticket handshake: %w", err)
	}
	return nil
}

// notAllowed reports an answer that refuses the request for want of a
// valid ticket.
func notAllowed(a *answer) bool {
	switch a.status {
	case http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden:
		return strings.Contains(strings.ToLower(string(a.body[:min(len(a.body), 2048)])), "notallowed")
	}
	return false
}
