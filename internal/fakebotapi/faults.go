package fakebotapi

import (
	"context"
	"fmt"
	"net/http"
)

// APIError is an error answer of the Bot API. A hook returns one to make the
// server fail a request on purpose.
type APIError struct {
	Code            int    // error_code and HTTP status; 400 when zero
	Description     string // e.g. "Forbidden: bot was blocked by the user"
	RetryAfter      int    // parameters.retry_after, seconds
	MigrateToChatID int64  // parameters.migrate_to_chat_id
	Hang            bool   // answer nothing until the client gives up (or the server closes)
}

func (e *APIError) Error() string {
	if e.Hang {
		return "no answer"
	}
	return fmt.Sprintf("%d %s", e.status(), e.Description)
}

func (e *APIError) status() int {
	if e.Code == 0 {
		return http.StatusBadRequest
	}
	return e.Code
}

// TooManyRequests is Telegram's flood-control answer: 429 with retry_after.
func TooManyRequests(retryAfter int) *APIError {
	return &APIError{
		Code:        http.StatusTooManyRequests,
		Description: fmt.Sprintf("Too Many Requests: retry after %d", retryAfter),
		RetryAfter:  retryAfter,
	}
}

// Forbidden is the answer for a user who blocked the bot.
func Forbidden() *APIError {
	return &APIError{Code: http.StatusForbidden, Description: "Forbidden: bot was blocked by the user"}
}

// ServerError is a 500 answer, as Telegram gives when it is having trouble.
func ServerError() *APIError {
	return &APIError{Code: http.StatusInternalServerError, Description: "Internal Server Error"}
}

// MigrateTo is the answer for a group that became the supergroup newID.
func MigrateTo(newID int64) *APIError {
	return &APIError{
		Code:            http.StatusBadRequest,
		Description:     "Bad Request: group chat was upgraded to a supergroup chat",
		MigrateToChatID: newID,
	}
}

// Hang makes the request time out: no answer until the client cancels it.
func Hang() *APIError { return &APIError{Hang: true} }

// ChatNotFound is Telegram's answer for a chat the bot cannot reach any
// more (deleted, or never started): 400, not 403.
func ChatNotFound() *APIError { return badRequest("chat not found") }

// badRequest is a 400 answer; desc follows "Bad Request: ".
func badRequest(desc string) *APIError {
	return &APIError{Code: http.StatusBadRequest, Description: "Bad Request: " + desc}
}

// SetHook installs fn, called for every request before normal handling
// (after it is recorded in Calls). When fn returns an APIError, that is the
// answer and the request has no other effect. fn runs on the request's
// goroutine, without the server's lock, so it may use the server's accessors.
// A nil fn removes the hook.
func (s *Server) SetHook(fn func(call Call) *APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hook = fn
}

func (s *Server) runHook(c Call) *APIError {
	s.mu.Lock()
	hook := s.hook
	s.mu.Unlock()
	if hook == nil {
		return nil
	}
	return hook(c)
}

// hang blocks until the client gives up on the request or the server closes.
func (s *Server) hang(ctx context.Context) {
	select {
	case <-ctx.Done():
	case <-s.closed:
	}
}

// Block makes chatID behave as a user who blocked the bot: sending to it
// answers 403 until Unblock, or until the user writes to the bot (SendText,
// SendSticker), which is what unblocks a bot in Telegram.
func (s *Server) Block(chatID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.blocked[chatID] = true
}

// Unblock undoes Block.
func (s *Server) Unblock(chatID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.blocked, chatID)
}

// Migrate makes the group oldID a supergroup newID: from now on every request
// to oldID answers 400 with migrate_to_chat_id newID.
func (s *Server) Migrate(oldID, newID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.migrated[oldID] = newID
}

// chatFaultLocked is the answer a chat's state forces on any request to it, if any.
// The caller holds s.mu.
func (s *Server) chatFaultLocked(chatID int64) *APIError {
	if newID, ok := s.migrated[chatID]; ok {
		return MigrateTo(newID)
	}
	if s.blocked[chatID] {
		return Forbidden()
	}
	return nil
}
