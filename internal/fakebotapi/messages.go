package fakebotapi

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Message is a message the bot sent, as the fake recorded it. An edit changes
// the record in place; a deleted message stays, marked Deleted.
type Message struct {
	MessageID      int64
	ChatID         int64
	Text           string // as sent, markup included
	ParseMode      string // as sent, e.g. "HTML"; "" for none
	Plain          string // what the user sees: Text after HTML parsing
	Entities       []Entity
	Keyboard       [][]Button // the inline keyboard; nil when none
	ReplyMarkup    string     // reply_markup as sent (any kind of keyboard); "" when none
	DisablePreview bool       // link_preview_options.is_disabled or disable_web_page_preview
	Edited         bool
	Deleted        bool
	Time           time.Time // when it was sent
	EditTime       time.Time // when it was last edited; zero if never

	token  string          // the bot that sent it
	markup json.RawMessage // reply_markup to echo back
}

// Messages returns the messages the bot sent to chatID, oldest first.
func (s *Server) Messages(chatID int64) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.messagesLocked(chatID)
}

func (s *Server) messagesLocked(chatID int64) []Message {
	var out []Message
	for _, m := range s.msgs {
		if m.ChatID == chatID {
			out = append(out, m)
		}
	}
	return out
}

// AllMessages returns every message the bot sent, oldest first.
func (s *Server) AllMessages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// Message returns the bot message with id messageID.
func (s *Server) Message(messageID int64) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, ok := s.msgIndex[messageID]
	if !ok {
		return Message{}, false
	}
	return s.msgs[i], true
}

// WaitMessages waits until the bot has sent at least n messages to chatID and
// returns them all. On timeout the error says how many had arrived.
func (s *Server) WaitMessages(ctx context.Context, chatID int64, n int) ([]Message, error) {
	var got []Message
	err := s.WaitUntil(ctx, func() bool {
		got = s.Messages(chatID)
		return len(got) >= n
	})
	if err != nil {
		return got, fmt.Errorf("fakebotapi: wait for %d messages in chat %d, got %d: %w", n, chatID, len(got), err)
	}
	return got, nil
}

// insertLocked records a new bot message and gives it the next id; the
// caller holds s.mu.
func (s *Server) insertLocked(m Message) Message {
	s.nextMsgID++
	m.MessageID = s.nextMsgID
	s.msgIndex[m.MessageID] = len(s.msgs)
	s.msgs = append(s.msgs, m)
	s.changedLocked()
	s.eventLocked(Event{Kind: EventSent, ChatID: m.ChatID, Message: m})
	return m
}

// findLocked locates a live bot message for edit or delete; the caller holds s.mu.
func (s *Server) findLocked(chatID, messageID int64) (int, bool) {
	i, ok := s.msgIndex[messageID]
	if !ok || s.msgs[i].ChatID != chatID || s.msgs[i].Deleted {
		return 0, false
	}
	return i, true
}
