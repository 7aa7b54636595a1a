package fakebotapi

import (
	"context"
	"net/http"
)

// Member statuses, as Telegram spells them in ChatMember.status.
const (
	StatusCreator       = "creator"
	StatusAdministrator = "administrator"
	StatusMember        = "member"
	StatusRestricted    = "restricted"
	StatusLeft          = "left"
	StatusKicked        = "kicked"
)

// Member is what getChatMember answers for one user of one chat.
type Member struct {
	Status string // Status*; "" is StatusMember
	// CanPostMessages is the administrator right to post in a channel.
	CanPostMessages bool
	IsAnonymous     bool
}

type memberKey struct{ chat, user int64 }

// SetChat registers a chat with its type ("channel", "supergroup", "group")
// and title, as Telegram would describe it in updates.
func (s *Server) SetChat(chatID int64, chatType, title string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chats[chatID] = wireChat{ID: chatID, Type: chatType, Title: title}
}

// SetMember sets what getChatMember answers for userID in chatID. Users not
// set are members of groups and have left channels; the bot itself (see
// BotID) has left a channel until it is set as its administrator, and then
// Telegram refuses its messages there unless it may post.
func (s *Server) SetMember(chatID, userID int64, m Member) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m.Status == "" {
		m.Status = StatusMember
	}
	s.members[memberKey{chatID, userID}] = m
	s.changedLocked()
}

// BotID is the user id of the bot with token, as getMe reports it.
func BotID(token string) int64 { return botID(token) }

func (s *Server) memberLocked(chatID, userID int64) Member {
	if m, ok := s.members[memberKey{chatID, userID}]; ok {
		return m
	}
	if s.chatLocked(chatID).Type == "channel" {
		return Member{Status: StatusLeft}
	}
	return Member{Status: StatusMember}
}

// wireMember is a ChatMember object.
type wireMember struct {
	Status          string   `json:"status"`
	User            wireUser `json:"user"`
	IsAnonymous     bool     `json:"is_anonymous,omitempty"`
	CanBeEdited     bool     `json:"can_be_edited,omitempty"`
	CanManageChat   bool     `json:"can_manage_chat,omitempty"`
	CanPostMessages bool     `json:"can_post_messages,omitempty"`
	IsMember        bool     `json:"is_member,omitempty"` // restricted only
}

func (m Member) wire(u wireUser) wireMember {
	w := wireMember{Status: m.Status, User: u, IsAnonymous: m.IsAnonymous}
	switch m.Status {
	case StatusAdministrator:
		w.CanManageChat, w.CanPostMessages = true, m.CanPostMessages
	case StatusRestricted:
		w.IsMember = true
	}
	return w
}

// getChatMember answers as Telegram does: a bot that is not an administrator
// of a channel cannot see its members.
func (s *Server) getChatMember(_ context.Context, c Call) (any, *APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	chatID, apiErr := s.chatIDLocked(c)
	if apiErr != nil {
		return nil, apiErr
	}
	userID, ok := intField(c, "user_id")
	if !ok || userID <= 0 {
		return nil, badRequest("invalid user_id specified")
	}
	me := botID(c.Token)
	if s.chatLocked(chatID).Type == "channel" && userID != me && !isAdmin(s.memberLocked(chatID, me).Status) {
		return nil, badRequest("member list is inaccessible")
	}
	u := wireUser{ID: userID, FirstName: "User"}
	if userID == me {
		u = s.botUser(c.Token)
	}
	return s.memberLocked(chatID, userID).wire(u), nil
}

func isAdmin(status string) bool { return status == StatusCreator || status == StatusAdministrator }

// channelFaultLocked refuses a message to a group the bot was removed from
// and to a channel where it may not post, as Telegram does; the caller holds
// s.mu.
func (s *Server) channelFaultLocked(c Call, chatID int64) *APIError {
	m := s.memberLocked(chatID, botID(c.Token))
	if s.chatLocked(chatID).Type != "channel" {
		if m.Status == StatusLeft || m.Status == StatusKicked {
			return &APIError{Code: http.StatusForbidden, Description: "Forbidden: bot was kicked from the group chat"}
		}
		return nil
	}
	switch {
	case !isAdmin(m.Status) && m.Status != StatusMember:
		return &APIError{Code: http.StatusForbidden, Description: "Forbidden: bot is not a member of the channel chat"}
	case m.Status != StatusCreator && !m.CanPostMessages:
		return badRequest("need administrator rights in the channel chat")
	}
	return nil
}
