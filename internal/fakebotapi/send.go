package fakebotapi

import (
	"context"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// maxTextLength is Telegram's limit on a message text after entity parsing,
// in UTF-16 code units.
const maxTextLength = 4096

const notModified = "message is not modified: specified new message content and reply markup are " +
	"exactly the same as a current content and reply markup of the message"

// content is the validated text, formatting and keyboard of a send or edit.
type content struct {
	text, parseMode, plain string
	entities               []Entity
	keyboard               [][]Button
	markup                 json.RawMessage
	disablePreview         bool
}

func parseContent(c Call) (content, *APIError) {
	ct := content{text: c.Fields["text"], parseMode: c.Fields["parse_mode"]}
	if !utf8.ValidString(ct.text) {
		return ct, badRequest("strings must be encoded in UTF-8")
	}
	switch strings.ToLower(ct.parseMode) {
	case "html":
		plain, entities, err := parseHTML(ct.text)
		if err != nil {
			return ct, badRequest(err.Error())
		}
		ct.plain, ct.entities = plain, entities
	case "", "markdown", "markdownv2":
		ct.plain = ct.text // Markdown is accepted as it is, not parsed
	default:
		return ct, badRequest("unsupported parse_mode")
	}
	if strings.TrimSpace(ct.plain) == "" {
		return ct, badRequest("message text is empty")
	}
	if TextLength(ct.plain) > maxTextLength {
		return ct, badRequest("message is too long")
	}
	var err *APIError
	if ct.keyboard, ct.markup, err = parseMarkup(c.Fields["reply_markup"]); err != nil {
		return ct, err
	}
	ct.disablePreview = previewDisabled(c)
	return ct, nil
}

func previewDisabled(c Call) bool {
	if boolField(c, "disable_web_page_preview") {
		return true
	}
	var o struct {
		IsDisabled bool `json:"is_disabled"`
	}
	_ = json.Unmarshal([]byte(c.Fields["link_preview_options"]), &o)
	return o.IsDisabled
}

// chatIDLocked is the call's chat, unless it is missing or its state forbids
// the call; the caller holds s.mu.
func (s *Server) chatIDLocked(c Call) (int64, *APIError) {
	id, ok := intField(c, "chat_id")
	if !ok || id == 0 {
		return 0, badRequest("chat not found")
	}
	if e := s.chatFaultLocked(id); e != nil {
		return 0, e
	}
	return id, nil
}

func (s *Server) sendMessage(_ context.Context, c Call) (result any, apiErr *APIError) {
	var sentID int64
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() { s.recordAttemptLocked(c, sentID, apiErr) }()
	chatID, apiErr := s.chatIDLocked(c)
	if apiErr != nil {
		return nil, apiErr
	}
	if apiErr = s.channelFaultLocked(c, chatID); apiErr != nil {
		return nil, apiErr
	}
	ct, apiErr := parseContent(c)
	if apiErr != nil {
		return nil, apiErr
	}
	if apiErr := s.limit.allow(chatID, c.Time); apiErr != nil {
		return nil, apiErr
	}
	m := s.insertLocked(Message{
		ChatID: chatID, Text: ct.text, ParseMode: ct.parseMode, Plain: ct.plain, Entities: ct.entities,
		Keyboard: ct.keyboard, ReplyMarkup: c.Fields["reply_markup"], DisablePreview: ct.disablePreview,
		Time: c.Time, token: c.Token, markup: ct.markup,
	})
	sentID = m.MessageID
	return s.wireLocked(m), nil
}

func (s *Server) editMessageText(_ context.Context, c Call) (any, *APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, apiErr := s.editTargetLocked(c)
	if apiErr != nil {
		return nil, apiErr
	}
	ct, apiErr := parseContent(c)
	if apiErr != nil {
		return nil, apiErr
	}
	m := s.msgs[i]
	if m.Text == ct.text && m.Plain == ct.plain && sameKeyboard(m.Keyboard, ct.keyboard) {
		return nil, badRequest(notModified)
	}
	// Like Telegram, an edit without reply_markup removes the inline keyboard.
	m.Text, m.ParseMode, m.Plain, m.Entities = ct.text, ct.parseMode, ct.plain, ct.entities
	m.Keyboard, m.markup, m.DisablePreview = ct.keyboard, ct.markup, ct.disablePreview
	m.Edited, m.EditTime = true, c.Time
	s.replaceLocked(i, m, EventEdited)
	return s.wireLocked(m), nil
}

func (s *Server) editMessageReplyMarkup(_ context.Context, c Call) (any, *APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, apiErr := s.editTargetLocked(c)
	if apiErr != nil {
		return nil, apiErr
	}
	keyboard, markup, apiErr := parseMarkup(c.Fields["reply_markup"])
	if apiErr != nil {
		return nil, apiErr
	}
	m := s.msgs[i]
	if sameKeyboard(m.Keyboard, keyboard) {
		return nil, badRequest(notModified)
	}
	m.Keyboard, m.markup, m.Edited, m.EditTime = keyboard, markup, true, c.Time
	s.replaceLocked(i, m, EventEdited)
	return s.wireLocked(m), nil
}

// editTargetLocked finds the message an edit is about; the caller holds s.mu.
func (s *Server) editTargetLocked(c Call) (int, *APIError) {
	if c.Fields["inline_message_id"] != "" {
		return 0, badRequest("MESSAGE_ID_INVALID") // the fake has no inline messages
	}
	chatID, apiErr := s.chatIDLocked(c)
	if apiErr != nil {
		return 0, apiErr
	}
	messageID, ok := intField(c, "message_id")
	if !ok {
		return 0, badRequest("message identifier is not specified")
	}
	if owner, ok := s.userMsgs[messageID]; ok && owner == chatID {
		return 0, badRequest("message can't be edited")
	}
	i, ok := s.findLocked(chatID, messageID)
	if !ok {
		return 0, badRequest("message to edit not found")
	}
	return i, nil
}

func (s *Server) deleteMessage(_ context.Context, c Call) (any, *APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	chatID, _ := intField(c, "chat_id")
	if chatID == 0 {
		return nil, badRequest("chat not found")
	}
	messageID, _ := intField(c, "message_id")
	if owner, ok := s.userMsgs[messageID]; ok && owner == chatID {
		delete(s.userMsgs, messageID)
		return true, nil
	}
	i, ok := s.findLocked(chatID, messageID)
	if !ok {
		return nil, badRequest("message to delete not found")
	}
	m := s.msgs[i]
	m.Deleted = true
	s.replaceLocked(i, m, EventDeleted)
	return true, nil
}

// replaceLocked stores a changed message; the caller holds s.mu.
func (s *Server) replaceLocked(i int, m Message, kind EventKind) {
	s.msgs[i] = m
	s.changedLocked()
	s.eventLocked(Event{Kind: kind, ChatID: m.ChatID, Message: m})
}

var chatActions = map[string]bool{
	"typing": true, "upload_photo": true, "record_video": true, "upload_video": true,
	"record_voice": true, "upload_voice": true, "upload_document": true, "choose_sticker": true,
	"find_location": true, "record_video_note": true, "upload_video_note": true,
}

func (s *Server) sendChatAction(_ context.Context, c Call) (any, *APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	chatID, apiErr := s.chatIDLocked(c)
	if apiErr != nil {
		return nil, apiErr
	}
	action := c.Fields["action"]
	if !chatActions[action] {
		return nil, badRequest("wrong parameter action in request")
	}
	s.eventLocked(Event{Kind: EventAction, ChatID: chatID, Action: action})
	return true, nil
}
