package fakebotapi

// Updates about chats rather than from users: membership changes, shared
// chats, anonymous administrators, group upgrades and channel posts.

// anonymousAdmin is the user Telegram puts in "from" of a message that a
// group's administrator sent anonymously, on behalf of the group.
var anonymousAdmin = wireUser{ID: 1087968824, IsBot: true, FirstName: "Group", Username: "GroupAnonymousBot"}

// ChangeMember makes userID's membership of chatID to and queues the
// chat_member update Telegram sends administrator bots, by actor.
func (s *Server) ChangeMember(chatID int64, actor User, userID int64, to Member) int64 {
	return s.changeMember(chatID, actor, userID, wireUser{ID: userID, FirstName: "User"}, to, false)
}

// ChangeBotMember changes the membership of the bot with token in chatID
// (added, promoted, demoted, removed) and queues the my_chat_member update.
func (s *Server) ChangeBotMember(chatID int64, actor User, token string, to Member) int64 {
	return s.changeMember(chatID, actor, botID(token), s.botUser(token), to, true)
}

func (s *Server) changeMember(chatID int64, actor User, userID int64, u wireUser, to Member, mine bool) int64 {
	if to.Status == "" {
		to.Status = StatusMember
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old, known := s.members[memberKey{chatID, userID}]
	if !known {
		old = s.memberLocked(chatID, userID)
		if mine {
			old = Member{Status: StatusLeft} // a bot is in no chat until added
		}
	}
	s.members[memberKey{chatID, userID}] = to
	upd := &wireMemberUpdated{Chat: s.chatLocked(chatID), From: actor.wire(), Date: s.cfg.now().Unix(),
		OldChatMember: old.wire(u), NewChatMember: to.wire(u)}
	return s.enqueueLocked(func(id int64) any {
		if mine {
			return wireUpdate{UpdateID: id, MyChatMember: upd}
		}
		return wireUpdate{UpdateID: id, ChatMember: upd}
	})
}

// ShareChat queues the service message a user's private chat gets when they
// pick chatID with a request_chat button of requestID.
func (s *Server) ShareChat(privateChatID int64, from User, requestID int32, chatID int64) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	shared := &wireChatShared{RequestID: requestID, ChatID: chatID, Title: s.chatLocked(chatID).Title}
	m := s.userMessageLocked(privateChatID, from)
	m.ChatShared = shared
	return s.enqueueLocked(func(id int64) any { return wireUpdate{UpdateID: id, Message: m} })
}

// SendAsChat queues a text message that an anonymous administrator of the
// group chatID sent on behalf of the group.
func (s *Server) SendAsChat(chatID int64, text string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.userMessageLocked(chatID, User{})
	from, chat := anonymousAdmin, m.Chat
	m.From, m.SenderChat = &from, &chat
	m.Text, m.Entities = text, commandEntity(text)
	return s.enqueueLocked(func(id int64) any { return wireUpdate{UpdateID: id, Message: m} })
}

// UpgradeGroup makes the group oldID the supergroup newID, as Telegram does:
// requests to oldID answer 400 with migrate_to_chat_id from now on, and two
// service messages are queued, migrate_to_chat_id in the old group and
// migrate_from_chat_id in the new one. It returns their update ids.
func (s *Server) UpgradeGroup(oldID, newID int64, by User) (int64, int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	title := s.chatLocked(oldID).Title
	s.migrated[oldID] = newID
	s.chats[newID] = wireChat{ID: newID, Type: "supergroup", Title: title}
	to := s.userMessageLocked(oldID, by)
	to.MigrateToChatID = newID
	first := s.enqueueLocked(func(id int64) any { return wireUpdate{UpdateID: id, Message: to} })
	from := s.userMessageLocked(newID, by)
	from.MigrateFromChatID = oldID
	second := s.enqueueLocked(func(id int64) any { return wireUpdate{UpdateID: id, Message: from} })
	return first, second
}

// PostToChannel queues a channel_post: a message the channel's
// administrators published in channelID. Channel posts have no "from".
func (s *Server) PostToChannel(channelID int64, text string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	chat := s.chatLocked(channelID)
	s.nextMsgID++
	m := &wireMessage{MessageID: s.nextMsgID, Date: s.cfg.now().Unix(), Chat: chat, SenderChat: &chat,
		Text: text, Entities: commandEntity(text)}
	return s.enqueueLocked(func(id int64) any { return wireUpdate{UpdateID: id, ChannelPost: m} })
}
