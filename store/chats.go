package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

const chatColumns = `id, type, lang, time_zone, to_char(digest_time, 'HH24:MI') AS digest_time,
	digest_enabled, active, created_at, title, coalesce(acting_chat_id, 0) AS acting_chat_id`

// TouchChat records that a chat wrote to the bot and returns it. A new chat
// gets lang; a known chat keeps its language and, if Telegram had refused
// messages to it (403), becomes active again: its user is writing.
func (s *Store) TouchChat(ctx context.Context, id int64, chatType, lang string) (Chat, error) {
	var c Chat
	err := s.db.GetContext(ctx, &c, `
		INSERT INTO chats (id, type, lang) VALUES ($1, $2, $3)
		ON CONFLICT (id) DO UPDATE SET active = true, type = EXCLUDED.type,
			updated_at = CASE WHEN chats.active THEN chats.updated_at ELSE now() END
		RETURNING `+chatColumns, id, chatType, lang)
	if err != nil {
		return Chat{}, fmt.Errorf("store: touch chat %d: %w", id, err)
	}
	return c, nil
}

// ChatByID returns a chat.
func (s *Store) ChatByID(ctx context.Context, id int64) (Chat, error) {
	var c Chat
	err := s.db.GetContext(ctx, &c, `SELECT `+chatColumns+` FROM chats WHERE id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Chat{}, ErrNotFound
	}
	if err != nil {
		return Chat{}, fmt.Errorf("store: chat %d: %w", id, err)
	}
	return c, nil
}

// SetChatLang changes the language the bot answers a chat in.
func (s *Store) SetChatLang(ctx context.Context, id int64, lang string) error {
	res, err := s.db.ExecContext(ctx,
		`UPDATE chats SET lang = $2, lang_chosen = true, updated_at = now() WHERE id = $1`, id, lang)
	if err != nil {
		return fmt.Errorf("store: set language of chat %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// FollowTelegramLang sets the language of chat id to lang unless someone
// chose one with /language: the console's user speaks NEWSBOT_LANG on every
// start, as a Telegram user's new chat speaks their app's language.
func (s *Store) FollowTelegramLang(ctx context.Context, id int64, lang string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE chats SET lang = $2, updated_at = now()
		WHERE id = $1 AND NOT lang_chosen AND lang <> $2`, id, lang)
	if err != nil {
		return fmt.Errorf("store: language of chat %d: %w", id, err)
	}
	return nil
}

// StartDigestFromArchive makes the first digest of chat id hold every
// matching release already stored, as if each had arrived after the chat
// subscribed; a chat that has had a digest is left alone. It reports whether
// anything changed. Only the console uses it, so that a newcomer's first
// digest shows the bundled sample.
func (s *Store) StartDigestFromArchive(ctx context.Context, id int64) (bool, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE subscriptions SET after_seq = 0
		WHERE chat_id = $1 AND after_seq > 0
			AND NOT EXISTS (SELECT 1 FROM digests WHERE chat_id = $1 AND kind = 'digest')`, id)
	if err != nil {
		return false, fmt.Errorf("store: digest of chat %d from the archive: %w", id, err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}
