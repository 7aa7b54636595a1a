package digest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/internal/redact"
	"github.com/newsbot-kz/newsbot/store"
)

// recordTimeout bounds recording an outcome, which goes on after ctx ends so
// that an answer Telegram gave is never forgotten.
const recordTimeout = 10 * time.Second

// sendOne waits for a pacing slot, then claims a due part, sends it and
// records the outcome, all in the claim's transaction. It reports whether it
// found a part. The slot comes first so that a wait (the pace, a global
// 429 pause) never holds a transaction, and so a connection, idle: the claim
// starts just ahead of the slot, by the time a claim takes (at most
// maxClaimLead), and only that remainder is waited with the part in hand.
func (s *Sender) sendOne(ctx context.Context, t *tally) (bool, error) {
	slot, err := s.pace.wait(ctx, s.lead.lead())
	if err != nil {
		return false, err
	}
	claimStart := s.now()
	c, err := s.st.ClaimPart(ctx, claimStart)
	if err != nil {
		s.pace.giveBack(slot) // no part used it
		if errors.Is(err, store.ErrNotFound) {
			return false, nil
		}
		return false, err
	}
	defer c.Release()
	s.lead.observe(s.now.since(claimStart))
	if err := s.now.sleepUntil(ctx, slot); err != nil {
		return false, err // not called: the part stays pending
	}
	began := s.now()
	sendErr := s.call(ctx, c.Part)
	s.opts.Metrics.DigestPartSent(classify(sendErr).metric(), s.now.since(began))
	if sendErr != nil && ctx.Err() != nil {
		// Stopping mid-call: Telegram may or may not have taken the message.
		// Leaving the part pending risks one duplicate; the other way, a loss.
		return false, ctx.Err()
	}
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), recordTimeout)
	defer cancel()
	return true, s.record(rctx, c, sendErr, t)
}

// call sends the part, as HTML or, when its HTML was refused, as plain text.
func (s *Sender) call(ctx context.Context, p store.OutboxPart) error {
	ctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
	defer cancel()
	params := &tgbot.SendMessageParams{
		ChatID:             p.ChatID,
		Text:               p.Text,
		ParseMode:          models.ParseModeHTML,
		LinkPreviewOptions: &models.LinkPreviewOptions{IsDisabled: tgbot.True()},
		AllowPaidBroadcast: s.opts.GlobalPerSecond > 30,
	}
	if p.PlainText {
		params.Text, params.ParseMode = plainText(p.Text), ""
	}
	_, err := s.tg.SendMessage(ctx, params)
	return err
}

// record stores what became of a part and counts it.
func (s *Sender) record(ctx context.Context, c *store.OutboxClaim, sendErr error, t *tally) error {
	p, now := c.Part, s.now()
	o := classify(sendErr)
	log := s.log.With(slog.Int64("chat_id", p.ChatID), slog.Int64("part_id", p.ID))
	errText := ""
	if sendErr != nil {
		// Error pages can quote the request path, which holds the token;
		// the text goes to the log and to outbox.last_error.
		errText = redact.Token(sendErr.Error(), s.tg.Token())
		log = log.With(slog.String("error", errText))
	}
	switch o.kind {
	case sent:
		err := c.MarkSent(ctx, now, now.Add(s.opts.PerChatInterval))
		if err == nil && p.Kind == "alert" && p.ArrivedAt != nil {
			s.opts.Metrics.AlertSent(time.Since(*p.ArrivedAt)) // arrival is stamped by the database's clock
		}
		return count(t, err, func(st *SendStats) {
			st.Sent++
			if p.PlainText {
				st.PlainResent++
			}
		})
	case tooManyRequests:
		wait := time.Duration(max(1, o.retryAfter)) * time.Second
		if s.pace.tooMany(p.ChatID, now, wait) {
			log.Warn("Telegram limits all sending; pausing", slog.Duration("retry_after", wait))
		}
		return count(t, c.DelayChat(ctx, now.Add(wait), errText), retried)
	case migrated:
		// A move counts as an attempt, so two ids pointing at each other
		// cannot loop forever.
		giveUp := p.Attempts+1 >= s.opts.MaxMoves
		log.Info("Chat moved to a supergroup", slog.Int64("new_chat_id", o.newChatID))
		return count(t, c.MoveChat(ctx, o.newChatID, errText, giveUp), retriedOrFailed(giveUp))
	case transient:
		if p.FailingSince != nil && now.Sub(*p.FailingSince) >= s.opts.RetryFor {
			log.Warn("Giving up on a digest part; its releases go to the next digest",
				slog.Int("attempts", p.Attempts+1), slog.Duration("failing_for", now.Sub(*p.FailingSince)))
			return s.giveUp(ctx, c, errText, true, t)
		}
		delay := min(s.opts.Backoff<<min(p.Attempts, 30), s.opts.MaxBackoff)
		return count(t, c.Retry(ctx, now, now.Add(delay), errText), retried)
	case forbidden:
		n, err := c.DropChat(ctx, errText)
		if err == nil {
			log.Info("Chat blocked the bot; deactivated", slog.Int("dropped", n))
		}
		return count(t, err, func(st *SendStats) { st.Dropped += n })
	case badHTML:
		if !p.PlainText {
			log.Warn("Telegram refused a part's HTML; resending it as plain text")
			return count(t, c.RetryPlain(ctx, errText), retried)
		}
	case unauthorized:
		// The token is wrong or revoked: no part can go out, and none is
		// failed for it. The part stays pending.
		return fmt.Errorf("digest: Telegram refused the bot token: %w", sendErr)
	}
	log.Warn("Telegram refused a digest part; its releases go to the next digest")
	return s.giveUp(ctx, c, errText, false, t)
}

// giveUp gives the claimed part up, with the rest of its chat's queue
// (store.OutboxClaim.GiveUp), and counts them all as failed.
func (s *Sender) giveUp(ctx context.Context, c *store.OutboxClaim, errText string, countAttempt bool, t *tally) error {
	n, err := c.GiveUp(ctx, errText, countAttempt)
	return count(t, err, func(st *SendStats) { st.Failed += 1 + n })
}

// count adds f to t once err, the recording of an outcome, succeeded.
func count(t *tally, err error, f func(*SendStats)) error {
	if err == nil {
		t.add(f)
	}
	return err
}

func retried(st *SendStats) { st.Retried++ }
func failed(st *SendStats)  { st.Failed++ }

func retriedOrFailed(giveUp bool) func(*SendStats) {
	if giveUp {
		return failed
	}
	return retried
}
