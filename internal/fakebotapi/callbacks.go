package fakebotapi

import (
	"context"
	"time"
)

// CallbackAnswer is the bot's answerCallbackQuery to a Press.
type CallbackAnswer struct {
	QueryID   string
	Text      string // the notification shown to the user; "" for none
	ShowAlert bool
	URL       string
	CacheTime int
	Time      time.Time
}

const queryInvalid = "query is too old and response timeout expired or query ID is invalid"

func (s *Server) answerCallbackQuery(_ context.Context, c Call) (any, *APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := c.Fields["callback_query_id"]
	answered, ok := s.queries[id]
	if !ok || answered {
		return nil, badRequest(queryInvalid)
	}
	cacheTime, _ := intField(c, "cache_time")
	a := CallbackAnswer{
		QueryID: id, Text: c.Fields["text"], ShowAlert: boolField(c, "show_alert"),
		URL: c.Fields["url"], CacheTime: int(cacheTime), Time: c.Time,
	}
	s.queries[id] = true
	s.answers = append(s.answers, a)
	s.changedLocked()
	s.eventLocked(Event{Kind: EventAnswered, Answer: a})
	return true, nil
}

// Answer returns the bot's answer to the callback query queryID, if it has
// answered. A query can be answered once; a second answer is refused as in
// Telegram.
func (s *Server) Answer(queryID string) (CallbackAnswer, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.answers {
		if a.QueryID == queryID {
			return a, true
		}
	}
	return CallbackAnswer{}, false
}

// Answers returns every callback answer so far, oldest first.
func (s *Server) Answers() []CallbackAnswer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]CallbackAnswer(nil), s.answers...)
}

// WaitAnswer waits until the bot has answered the callback query queryID.
func (s *Server) WaitAnswer(ctx context.Context, queryID string) (CallbackAnswer, error) {
	var a CallbackAnswer
	err := s.WaitUntil(ctx, func() bool {
		var ok bool
		a, ok = s.Answer(queryID)
		return ok
	})
	return a, err
}
