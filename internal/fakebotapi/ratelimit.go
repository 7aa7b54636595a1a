package fakebotapi

import (
	"math"
	"net/http"
	"time"
)

// SendAttempt is one sendMessage request and how it ended.
type SendAttempt struct {
	ChatID      int64 // 0 when the request had no usable chat_id
	Time        time.Time
	Code        int // 200 when the message was sent, else error_code; 0 when the request hung
	Description string
	RetryAfter  int
	MessageID   int64 // the sent message, when Code is 200
}

// limiter is sendMessage flood control over sliding windows. Only accepted
// messages count.
type limiter struct {
	perSecond int
	chatMax   int
	chatPer   time.Duration
	global    []time.Time
	perChat   map[int64][]time.Time
}

// allow admits one message to chatID at now, or answers 429.
func (l *limiter) allow(chatID int64, now time.Time) *APIError {
	l.global = prune(l.global, now.Add(-time.Second))
	if l.perSecond > 0 && len(l.global) >= l.perSecond {
		return TooManyRequests(retryAfter(l.global[0].Add(time.Second), now))
	}
	if l.chatMax > 0 {
		sent := prune(l.perChat[chatID], now.Add(-l.chatPer))
		l.perChat[chatID] = sent
		if len(sent) >= l.chatMax {
			return TooManyRequests(retryAfter(sent[0].Add(l.chatPer), now))
		}
	}
	if l.perSecond > 0 {
		l.global = append(l.global, now)
	}
	if l.chatMax > 0 {
		l.perChat[chatID] = append(l.perChat[chatID], now)
	}
	return nil
}

// prune drops the times at or before cutoff.
func prune(times []time.Time, cutoff time.Time) []time.Time {
	i := 0
	for i < len(times) && !times[i].After(cutoff) {
		i++
	}
	if i == len(times) {
		return nil
	}
	return times[i:]
}

// retryAfter is the whole number of seconds, at least 1, until free.
func retryAfter(free, now time.Time) int {
	return max(1, int(math.Ceil(free.Sub(now).Seconds())))
}

// SetRateLimit limits sendMessage to perSecond accepted messages in any
// sliding second over all chats; more answer 429 "Too Many Requests: retry
// after N". 0 removes the limit.
func (s *Server) SetRateLimit(perSecond int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limit.perSecond = perSecond
}

// SetChatRateLimit limits sendMessage to max accepted messages per chat in any
// sliding window of length per (Telegram: about 1 per second in a private
// chat, 20 per minute in a group). 0 removes the limit.
func (s *Server) SetChatRateLimit(max int, per time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limit.chatMax, s.limit.chatPer = max, per
}

// SendAttempts returns every sendMessage request so far, in arrival order,
// with its outcome, including those refused by a hook, a limit or validation.
func (s *Server) SendAttempts() []SendAttempt {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]SendAttempt(nil), s.attempts...)
}

// RetryViolations returns the sendMessage attempts made to a chat before the
// retry_after of an earlier 429 to the same chat had passed; a well-behaved
// bot has none.
func (s *Server) RetryViolations() []SendAttempt {
	s.mu.Lock()
	defer s.mu.Unlock()
	var bad []SendAttempt
	until := map[int64]time.Time{} // chat → end of its latest retry_after
	for _, a := range s.attempts {
		if t, ok := until[a.ChatID]; ok && a.Time.Before(t) {
			bad = append(bad, a)
		}
		end := a.Time.Add(time.Duration(a.RetryAfter) * time.Second)
		if a.Code == http.StatusTooManyRequests && end.After(until[a.ChatID]) {
			until[a.ChatID] = end
		}
	}
	return bad
}

// recordAttemptLocked notes a sendMessage outcome; the caller holds s.mu.
func (s *Server) recordAttemptLocked(c Call, messageID int64, e *APIError) {
	a := SendAttempt{ChatID: c.ChatID(), Time: c.Time, Code: http.StatusOK, MessageID: messageID}
	if e != nil {
		a.Code, a.Description, a.RetryAfter, a.MessageID = e.status(), e.Description, e.RetryAfter, 0
		if e.Hang {
			a.Code, a.Description = 0, "no answer"
		}
	}
	s.attempts = append(s.attempts, a)
}
