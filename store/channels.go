package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// Channels are chats the bot posts in but nobody writes to it from: a user
// connects one from their private chat, whose settings commands then act on
// the channel (chats.acting_chat_id) until they switch back.

// ConnectChannel records that userID connected the channel channelID
// (named title) from their private chat: the channel becomes an active chat
// (new ones speak lang), the user becomes one of its connectors, and the
// user's settings commands act on it from now on. A channel connected again
// is told again if the bot loses its rights later.
func (s *Store) ConnectChannel(ctx context.Context, channelID int64, title string, userID int64, lang string) (Chat, error) {
	var c Chat
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := tx.GetContext(ctx, &c, `
			INSERT INTO chats (id, type, lang, title) VALUES ($1, 'channel', $2, $3)
			ON CONFLICT (id) DO UPDATE SET type = 'channel', title = EXCLUDED.title, active = true,
				updated_at = now()
			RETURNING `+chatColumns, channelID, lang, title); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO channel_admins (channel_id, user_id) VALUES ($1, $2)
			ON CONFLICT (channel_id, user_id) DO UPDATE SET lost_notified_at = NULL`,
			channelID, userID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE chats SET acting_chat_id = $2, updated_at = now()
			WHERE id = $1`, userID, channelID)
		return err
	})
	if err != nil {
		return Chat{}, fmt.Errorf("store: connect channel %d for %d: %w", channelID, userID, err)
	}
	return c, nil
}

// ActOn makes userID's settings commands act on channelID, one of the
// channels the user connected, or on the private chat itself when channelID
// is 0. Any other channel is ErrNotFound.
func (s *Store) ActOn(ctx context.Context, userID, channelID int64) error {
	res, err := s.db.ExecContext(ctx, `
		UPDATE chats SET acting_chat_id = nullif($2::bigint, 0), updated_at = now()
		WHERE id = $1 AND ($2::bigint = 0 OR EXISTS (
			SELECT 1 FROM channel_admins WHERE channel_id = $2 AND user_id = $1))`,
		userID, channelID)
	if err != nil {
		return fmt.Errorf("store: act on %d for %d: %w", channelID, userID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// ConnectedChannels are the channels userID connected, by title.
func (s *Store) ConnectedChannels(ctx context.Context, userID int64) ([]Chat, error) {
	var out []Chat
	err := s.db.SelectContext(ctx, &out, `SELECT `+chatColumns+` FROM chats
		WHERE id IN (SELECT channel_id FROM channel_admins WHERE user_id = $1)
		ORDER BY title, id`, userID)
	if err != nil {
		return nil, fmt.Errorf("store: channels of %d: %w", userID, err)
	}
	return out, nil
}

// IsConnector reports whether userID connected channelID.
func (s *Store) IsConnector(ctx context.Context, channelID, userID int64) (bool, error) {
	var ok bool
	err := s.db.GetContext(ctx, &ok, `SELECT EXISTS (SELECT 1 FROM channel_admins
		WHERE channel_id = $1 AND user_id = $2)`, channelID, userID)
	if err != nil {
		return false, fmt.Errorf("store: connector of %d: %w", channelID, err)
	}
	return ok, nil
}

// LoseChannel deactivates a channel the bot may no longer post in (its
// pending parts are dropped) and returns the private chats of the users who
// connected it and have not been told yet, marking them told: each is told
// once, however many processes see the news.
func (s *Store) LoseChannel(ctx context.Context, channelID int64) ([]Chat, error) {
	var tell []Chat
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := deactivateChat(ctx, tx, channelID, "bot may not post in the channel"); err != nil {
			return err
		}
		return tx.SelectContext(ctx, &tell, `
			WITH told AS (
				UPDATE channel_admins SET lost_notified_at = now()
				WHERE channel_id = $1 AND lost_notified_at IS NULL
				RETURNING user_id)
			SELECT `+chatColumns+` FROM chats WHERE id IN (SELECT user_id FROM told)
			ORDER BY id`, channelID)
	})
	if err != nil {
		return nil, fmt.Errorf("store: lose channel %d: %w", channelID, err)
	}
	return tell, nil
}
