package fakebotapi

import (
	"encoding/json"
	"strconv"
	"strings"
)

// The wire* types are the JSON objects of the Bot API, reduced to the fields
// the fake fills in.

type wireUser struct {
	ID           int64  `json:"id"`
	IsBot        bool   `json:"is_bot"`
	FirstName    string `json:"first_name"`
	Username     string `json:"username,omitempty"`
	LanguageCode string `json:"language_code,omitempty"`
}

type wireMe struct {
	wireUser
	CanJoinGroups           bool `json:"can_join_groups"`
	CanReadAllGroupMessages bool `json:"can_read_all_group_messages"`
	SupportsInlineQueries   bool `json:"supports_inline_queries"`
}

type wireChat struct {
	ID        int64  `json:"id"`
	Type      string `json:"type"`
	Title     string `json:"title,omitempty"`
	Username  string `json:"username,omitempty"`
	FirstName string `json:"first_name,omitempty"`
}

type wireEntity struct {
	Type          string `json:"type"`
	Offset        int    `json:"offset"`
	Length        int    `json:"length"`
	URL           string `json:"url,omitempty"`
	Language      string `json:"language,omitempty"`
	CustomEmojiID string `json:"custom_emoji_id,omitempty"`
}

type wireSticker struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	Type         string `json:"type"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	IsAnimated   bool   `json:"is_animated"`
	IsVideo      bool   `json:"is_video"`
	Emoji        string `json:"emoji,omitempty"`
}

type wireMessage struct {
	MessageID   int64           `json:"message_id"`
	From        *wireUser       `json:"from,omitempty"`
	Date        int64           `json:"date"`
	Chat        wireChat        `json:"chat"`
	EditDate    int64           `json:"edit_date,omitempty"`
	Text        string          `json:"text,omitempty"`
	Entities    []wireEntity    `json:"entities,omitempty"`
	Sticker     *wireSticker    `json:"sticker,omitempty"`
	ReplyMarkup json.RawMessage `json:"reply_markup,omitempty"`

	SenderChat        *wireChat       `json:"sender_chat,omitempty"`
	MigrateToChatID   int64           `json:"migrate_to_chat_id,omitempty"`
	MigrateFromChatID int64           `json:"migrate_from_chat_id,omitempty"`
	ChatShared        *wireChatShared `json:"chat_shared,omitempty"`
}

type wireChatShared struct {
	RequestID int32  `json:"request_id"`
	ChatID    int64  `json:"chat_id"`
	Title     string `json:"title,omitempty"`
}

// wireMemberUpdated is a ChatMemberUpdated object.
type wireMemberUpdated struct {
	Chat          wireChat   `json:"chat"`
	From          wireUser   `json:"from"`
	Date          int64      `json:"date"`
	OldChatMember wireMember `json:"old_chat_member"`
	NewChatMember wireMember `json:"new_chat_member"`
}

type wireCallbackQuery struct {
	ID           string   `json:"id"`
	From         wireUser `json:"from"`
	Message      any      `json:"message,omitempty"` // *wireMessage, or an inaccessible message
	ChatInstance string   `json:"chat_instance"`
	Data         string   `json:"data,omitempty"`
}

// inaccessibleMessage is what a callback query carries for a message the bot
// can no longer see; date 0 tells the two apart.
type inaccessibleMessage struct {
	Chat      wireChat `json:"chat"`
	MessageID int64    `json:"message_id"`
	Date      int64    `json:"date"`
}

type wireUpdate struct {
	UpdateID      int64              `json:"update_id"`
	Message       *wireMessage       `json:"message,omitempty"`
	CallbackQuery *wireCallbackQuery `json:"callback_query,omitempty"`
	ChannelPost   *wireMessage       `json:"channel_post,omitempty"`
	MyChatMember  *wireMemberUpdated `json:"my_chat_member,omitempty"`
	ChatMember    *wireMemberUpdated `json:"chat_member,omitempty"`
}

// botID is the numeric prefix of a token ("123:abc" → 123), as in Telegram;
// tokens without one get a fixed id.
func botID(token string) int64 {
	prefix, _, _ := strings.Cut(token, ":")
	if id, err := strconv.ParseInt(prefix, 10, 64); err == nil && id > 0 {
		return id
	}
	return 1000000001
}

func (s *Server) botUser(token string) wireUser {
	return wireUser{ID: botID(token), IsBot: true, FirstName: s.cfg.firstName, Username: s.cfg.username}
}

// chatLocked is the chat object for chatID: the one a user's update created,
// or one made up from the id's sign and size. The caller holds s.mu.
func (s *Server) chatLocked(chatID int64) wireChat {
	if c, ok := s.chats[chatID]; ok {
		return c
	}
	return newChat(chatID, User{})
}

// newChat follows Telegram's id ranges: users are positive, basic groups
// small negative, supergroups below -1000000000000.
func newChat(chatID int64, from User) wireChat {
	abs := strconv.FormatInt(-chatID, 10)
	switch {
	case chatID > 0:
		return wireChat{ID: chatID, Type: "private", FirstName: firstName(from), Username: from.Username}
	case chatID > -1000000000000:
		return wireChat{ID: chatID, Type: "group", Title: "Group " + abs}
	default:
		return wireChat{ID: chatID, Type: "supergroup", Title: "Supergroup " + abs}
	}
}

func firstName(u User) string {
	if u.FirstName == "" {
		return "User"
	}
	return u.FirstName
}

func (u User) wire() wireUser {
	return wireUser{ID: u.ID, FirstName: firstName(u), Username: u.Username, LanguageCode: u.LanguageCode}
}

func wireEntities(es []Entity) []wireEntity {
	var out []wireEntity
	for _, e := range es {
		out = append(out, wireEntity{e.Type, e.Offset, e.Length, e.URL, e.Language, e.CustomEmojiID})
	}
	return out
}

// wireLocked renders a recorded bot message; the caller holds s.mu.
func (s *Server) wireLocked(m Message) *wireMessage {
	from := s.botUser(m.token)
	w := &wireMessage{
		MessageID:   m.MessageID,
		From:        &from,
		Date:        m.Time.Unix(),
		Chat:        s.chatLocked(m.ChatID),
		Text:        m.Plain,
		Entities:    wireEntities(m.Entities),
		ReplyMarkup: m.markup,
	}
	if m.Edited {
		w.EditDate = m.EditTime.Unix()
	}
	return w
}
