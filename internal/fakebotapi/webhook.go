package fakebotapi

import (
	"context"
	"encoding/json"
	"net/url"
)

// Webhook is the webhook the bot set with setWebhook. The fake does not
// deliver updates to it; while one is set, getUpdates answers 409 as Telegram does.
type Webhook struct {
	URL            string
	SecretToken    string
	MaxConnections int
	AllowedUpdates []string
}

// Webhook returns the current webhook; its URL is "" when none is set.
func (s *Server) Webhook() Webhook {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.webhook
	w.AllowedUpdates = append([]string(nil), w.AllowedUpdates...)
	return w
}

func (s *Server) setWebhook(_ context.Context, c Call) (any, *APIError) {
	w := Webhook{URL: c.Fields["url"], SecretToken: c.Fields["secret_token"], MaxConnections: 40}
	if w.URL != "" {
		u, err := url.Parse(w.URL)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			return nil, badRequest("bad webhook: An HTTPS URL must be provided for webhook")
		}
	}
	if n, ok := intField(c, "max_connections"); ok && n > 0 {
		w.MaxConnections = int(n)
	}
	if raw := c.Fields["allowed_updates"]; raw != "" {
		if json.Unmarshal([]byte(raw), &w.AllowedUpdates) != nil {
			return nil, badRequest("can't parse allowed updates")
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dropPendingLocked(c)
	if w.URL == "" {
		w = Webhook{} // an empty URL removes the webhook
	}
	s.webhook = w
	s.changedLocked()
	return true, nil
}

func (s *Server) deleteWebhook(_ context.Context, c Call) (any, *APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dropPendingLocked(c)
	s.webhook = Webhook{}
	s.changedLocked()
	return true, nil
}

func (s *Server) dropPendingLocked(c Call) {
	if boolField(c, "drop_pending_updates") {
		s.updates = nil
	}
}

type wireWebhookInfo struct {
	URL                  string   `json:"url"`
	HasCustomCertificate bool     `json:"has_custom_certificate"`
	PendingUpdateCount   int      `json:"pending_update_count"`
	MaxConnections       int      `json:"max_connections,omitempty"`
	AllowedUpdates       []string `json:"allowed_updates,omitempty"`
}

func (s *Server) getWebhookInfo(_ context.Context, _ Call) (any, *APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return wireWebhookInfo{
		URL:                s.webhook.URL,
		PendingUpdateCount: len(s.updates),
		MaxConnections:     s.webhook.MaxConnections,
		AllowedUpdates:     s.webhook.AllowedUpdates,
	}, nil
}
