package fakebotapi

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// User is the person behind an injected update.
type User struct {
	ID           int64
	FirstName    string // "User" when empty, as Telegram requires one
	Username     string
	LanguageCode string
}

type queuedUpdate struct {
	id   int64
	body json.RawMessage
}

// SendText queues a text message from the user in chatID and returns its
// update id. A text starting with a command ("/start", "/sub@newsbot_test_bot
// go") carries a bot_command entity covering the command and its @username
// suffix, as Telegram sends it. chatID > 0 is a private chat; negative ids are
// groups, or supergroups below -1000000000000. A user writing to the bot
// lifts a Block on their private chat.
func (s *Server) SendText(chatID int64, from User, text string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.userMessageLocked(chatID, from)
	m.Text = text
	m.Entities = commandEntity(text)
	return s.enqueueLocked(func(id int64) any { return wireUpdate{UpdateID: id, Message: m} })
}

// SendSticker queues a sticker message (no text) from the user in chatID and
// returns its update id.
func (s *Server) SendSticker(chatID int64, from User) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.userMessageLocked(chatID, from)
	unique := strconv.FormatInt(m.MessageID, 10)
	m.Sticker = &wireSticker{
		FileID: "CAACAgIAAxkBAAIB" + unique, FileUniqueID: "AgAD" + unique,
		Type: "regular", Width: 512, Height: 512, Emoji: "👍",
	}
	return s.enqueueLocked(func(id int64) any { return wireUpdate{UpdateID: id, Message: m} })
}

// Press queues a callback query: the user pressed a button with data on the
// bot message messageID in chatID. It returns the query id, which the bot
// must answer with answerCallbackQuery (see Answer). Any data may be sent,
// not only a button's. A message that does not exist or was deleted arrives
// as an inaccessible message (date 0), as in Telegram.
func (s *Server) Press(chatID int64, from User, messageID int64, data string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextQueryID++
	queryID := strconv.FormatInt(4000000000000000000+s.nextQueryID, 10)
	s.queries[queryID] = false
	q := &wireCallbackQuery{ID: queryID, From: from.wire(), ChatInstance: strconv.FormatInt(-chatID, 10), Data: data}
	if i, ok := s.findLocked(chatID, messageID); ok {
		q.Message = s.wireLocked(s.msgs[i])
	} else {
		q.Message = inaccessibleMessage{Chat: s.chatLocked(chatID), MessageID: messageID}
	}
	s.enqueueLocked(func(id int64) any { return wireUpdate{UpdateID: id, CallbackQuery: q} })
	return queryID
}

// SendUpdate queues any update, given as its JSON fields without update_id
// (e.g. {"my_chat_member": {...}}), and returns its update id.
func (s *Server) SendUpdate(update map[string]any) (int64, error) {
	fields := map[string]any{}
	for k, v := range update {
		fields[k] = v
	}
	fields["update_id"] = 0
	if _, err := json.Marshal(fields); err != nil {
		return 0, fmt.Errorf("fakebotapi: encode update: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.enqueueLocked(func(id int64) any { fields["update_id"] = id; return fields }), nil
}

// PendingUpdates is the number of queued updates the bot has not confirmed
// yet (confirmation happens on its next getUpdates, by offset).
func (s *Server) PendingUpdates() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.updates)
}

// userMessageLocked starts a message from a user, recording the chat; the
// caller holds s.mu.
func (s *Server) userMessageLocked(chatID int64, from User) *wireMessage {
	chat, known := s.chats[chatID]
	if !known || chatID > 0 {
		chat = newChat(chatID, from)
		s.chats[chatID] = chat
	}
	if chatID > 0 {
		delete(s.blocked, chatID)
	}
	s.nextMsgID++
	s.userMsgs[s.nextMsgID] = chatID
	user := from.wire()
	return &wireMessage{MessageID: s.nextMsgID, From: &user, Date: s.cfg.now().Unix(), Chat: chat}
}

// enqueueLocked gives an update the next id and queues it; the caller holds s.mu.
func (s *Server) enqueueLocked(build func(id int64) any) int64 {
	s.nextUpdateID++
	id := s.nextUpdateID
	body, err := json.Marshal(build(id))
	if err != nil {
		panic(fmt.Sprintf("fakebotapi: encode update: %v", err)) // the fake's own types always encode
	}
	s.updates = append(s.updates, queuedUpdate{id: id, body: body})
	s.changedLocked()
	return id
}

// commandEntity is the bot_command entity Telegram attaches to a text that
// starts with a command.
func commandEntity(text string) []wireEntity {
	n := 1
	for n < len(text) && isCommandChar(text[n]) {
		n++
	}
	if len(text) == 0 || text[0] != '/' || n == 1 {
		return nil
	}
	if n < len(text) && text[n] == '@' {
		end := n + 1
		for end < len(text) && isCommandChar(text[end]) {
			end++
		}
		if end > n+1 {
			n = end
		}
	}
	return []wireEntity{{Type: "bot_command", Offset: 0, Length: n}} // ASCII: bytes are UTF-16 units
}

func isCommandChar(c byte) bool { return isAlnum(c) || c == '_' }
