package bot

import (
	"time"

	"github.com/newsbot-kz/newsbot/store"
)

// Limits bound what one user can cost everyone else. Zero fields take the
// defaults.
type Limits struct {
	// GroupCommandsPerMinute caps a group as a whole; each member of it has
	// CommandsPerMinute of their own, so one member's flood does not silence
	// the others. Default: twice CommandsPerMinute (Telegram itself lets a bot
	// send about 20 messages a minute to one group).
	GroupCommandsPerMinute int
	// QueryTimeout stops the database query of a /search, a /latest or one
	// of their pages, and the user is asked to narrow it. Default: 5s.
	QueryTimeout time.Duration
	// HeavyQueries is how many of /search, /latest, their pages and /digest
	// now may run at once across all chats; the rest wait their turn. It is
	// kept well below the store's pool so that every other command finds a
	// connection at once. Default: a quarter of store.PoolSize.
	HeavyQueries int
}

func (l Limits) withDefaults(commandsPerMinute int) Limits {
	if l.GroupCommandsPerMinute <= 0 {
		l.GroupCommandsPerMinute = 2 * commandsPerMinute
	}
	if l.QueryTimeout <= 0 {
		l.QueryTimeout = 5 * time.Second
	}
	if l.HeavyQueries <= 0 {
		l.HeavyQueries = max(1, store.PoolSize/4)
	}
	return l
}
