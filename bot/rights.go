package bot

import (
	"context"
	"fmt"
	"sync"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// Who may change a group's or a channel's settings is Telegram's answer to
// getChatMember, asked at the moment of the change. Answers that allow are
// kept for memberTTL, so that an admin's burst of changes costs one call;
// answers that refuse are not kept, so that a member promoted a moment ago is
// not refused on their next try. A chat_member update about the user, or a
// my_chat_member update about the bot, forgets what was kept.

// memberTTL is how long an allowing answer is trusted. A demotion that
// Telegram did not report (the bot is not an administrator, so it gets no
// chat_member updates) is noticed at most this late.
const memberTTL = 2 * time.Minute

// member is what the bot needs of a ChatMember.
type member struct {
	status  models.ChatMemberType
	canPost bool // an administrator who may post in a channel
}

// admin reports whether the member is the chat's creator or an administrator.
func (m member) admin() bool {
	return m.status == models.ChatMemberTypeOwner || m.status == models.ChatMemberTypeAdministrator
}

// mayPost reports whether the member may post in a channel: its creator, or
// an administrator with can_post_messages.
func (m member) mayPost() bool {
	return m.status == models.ChatMemberTypeOwner || (m.status == models.ChatMemberTypeAdministrator && m.canPost)
}

func memberOf(cm models.ChatMember) member {
	m := member{status: cm.Type}
	if cm.Administrator != nil {
		m.canPost = cm.Administrator.CanPostMessages
	}
	if cm.Restricted != nil && !cm.Restricted.IsMember {
		m.status = models.ChatMemberTypeLeft
	}
	return m
}

type memberKey struct{ chat, user int64 }

type cachedMember struct {
	m       member
	expires time.Time
}

// memberCache keeps allowing answers of getChatMember for memberTTL.
type memberCache struct {
	mu  sync.Mutex
	now func() time.Time
	m   map[memberKey]cachedMember
}

func newMemberCache(now func() time.Time) *memberCache {
	return &memberCache{now: now, m: map[memberKey]cachedMember{}}
}

func (c *memberCache) get(chat, user int64) (member, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[memberKey{chat, user}]
	if !ok || !c.now().Before(e.expires) {
		delete(c.m, memberKey{chat, user})
		return member{}, false
	}
	return e.m, true
}

func (c *memberCache) put(chat, user int64, m member) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= maxCachedMembers {
		c.m = map[memberKey]cachedMember{} // a bound, not an LRU: at worst one more call each
	}
	c.m[memberKey{chat, user}] = cachedMember{m: m, expires: c.now().Add(memberTTL)}
}

func (c *memberCache) forget(chat, user int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, memberKey{chat, user})
}

const maxCachedMembers = 10000

// memberStatus asks Telegram (or the cache) what user is in chat. keep
// decides which answers may be cached: those that allow what is asked.
func (b *Bot) memberStatus(ctx context.Context, chat, user int64, keep func(member) bool) (member, error) {
	if m, ok := b.members.get(chat, user); ok && keep(m) {
		return m, nil
	}
	cm, err := b.tg.GetChatMember(ctx, &tgbot.GetChatMemberParams{ChatID: chat, UserID: user})
	if err != nil {
		return member{}, fmt.Errorf("getChatMember %d in %d: %w", user, chat, err)
	}
	m := memberOf(*cm)
	if keep(m) {
		b.members.put(chat, user, m)
	} else {
		b.members.forget(chat, user)
	}
	return m, nil
}

// isAdmin reports whether user is the creator or an administrator of chat.
func (b *Bot) isAdmin(ctx context.Context, chat, user int64) (bool, error) {
	m, err := b.memberStatus(ctx, chat, user, member.admin)
	return m.admin(), err
}
