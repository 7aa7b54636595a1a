package fakebotapi

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// getUpdates long-polls: it answers at once when updates are queued, else it
// blocks until one is, the wait ends (the client's timeout, capped by
// WithPollWait), the client gives up or the server closes. Updates with an id
// below offset are confirmed and forgotten; a negative offset keeps only the
// last -offset updates.
func (s *Server) getUpdates(ctx context.Context, c Call) (any, *APIError) {
	offset, _ := intField(c, "offset")
	limit, ok := intField(c, "limit")
	if !ok || limit < 1 || limit > 100 {
		limit = 100
	}
	wait := s.cfg.pollWait
	if t, ok := intField(c, "timeout"); ok && t > 0 && time.Duration(t)*time.Second < wait {
		wait = time.Duration(t) * time.Second
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.webhook.URL != "" {
		return nil, conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
	}
	terminated := s.startPollLocked(c.Token)
	defer s.endPollLocked(c.Token, terminated)
	s.confirmLocked(offset)
	for len(s.updates) == 0 {
		changed := s.changed
		s.mu.Unlock()
		stop := false
		select {
		case <-changed:
		case <-terminated:
			s.mu.Lock()
			return nil, conflict("terminated by other getUpdates request; make sure that only one bot instance is running")
		case <-timer.C:
			stop = true
		case <-ctx.Done():
			stop = true
		case <-s.closed:
			stop = true
		}
		s.mu.Lock()
		if stop && len(s.updates) == 0 {
			return []json.RawMessage{}, nil
		}
	}
	n := min(int(limit), len(s.updates))
	out := make([]json.RawMessage, 0, n)
	for _, u := range s.updates[:n] {
		out = append(out, u.body)
	}
	return out, nil
}

// startPollLocked registers a long poll for token. Like Telegram, a newer
// poll ends an older one of the same token with 409: only one bot instance
// may poll. The returned channel closes when this poll is so terminated.
func (s *Server) startPollLocked(token string) chan struct{} {
	if old, ok := s.pollers[token]; ok {
		close(old)
	}
	mine := make(chan struct{})
	s.pollers[token] = mine
	s.changedLocked()
	return mine
}

func (s *Server) endPollLocked(token string, mine chan struct{}) {
	if s.pollers[token] == mine {
		delete(s.pollers, token)
	}
}

// confirmLocked forgets the updates the offset confirms; the caller holds s.mu.
func (s *Server) confirmLocked(offset int64) {
	drop := 0
	switch {
	case offset > 0:
		for drop < len(s.updates) && s.updates[drop].id < offset {
			drop++
		}
	case offset < 0 && int64(len(s.updates)) > -offset:
		drop = len(s.updates) - int(-offset)
	}
	if drop > 0 {
		s.updates = append([]queuedUpdate(nil), s.updates[drop:]...)
		s.changedLocked()
	}
}

func conflict(desc string) *APIError {
	return &APIError{Code: http.StatusConflict, Description: "Conflict: " + desc}
}
