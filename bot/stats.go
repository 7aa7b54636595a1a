package bot

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// StatsSource answers /stats: the service's state at a glance.
type StatsSource interface {
	Stats(ctx context.Context, now time.Time) (store.Stats, error)
}

// cmdStats shows the operators' numbers to the chats in Admins. Anyone else
// gets the answer to an unknown command, so the command stays unknown.
func (b *Bot) cmdStats(ctx context.Context, c chatCtx, _ string, _ *models.User) error {
	if b.opts.Stats == nil || !slices.Contains(b.opts.Admins, c.chat.ID) {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgUnknown), nil)
		return nil
	}
	st, err := b.opts.Stats.Stats(ctx, b.opts.Now())
	if err != nil {
		return err
	}
	b.reply(ctx, c, renderStats(c.lang, st, zoneOf(c.chat.TimeZone)), nil)
	return nil
}

// renderStats is the /stats answer in lang, times in loc.
func renderStats(lang string, st store.Stats, loc *time.Location) string {
	var sb strings.Builder
	line := func(t tgtext.Text, args ...any) {
		sb.WriteString(tgtext.Tr(lang, t, args...))
		sb.WriteByte('\n')
	}
	line(tgtext.MsgStatsTitle)
	line(tgtext.MsgStatsChats, st.Chats, st.ActiveChats)
	line(tgtext.MsgStatsSubscribers, st.ActiveSubscribers)
	line(tgtext.MsgStatsSubscriptions, st.EntitySubs, st.KeywordSubs)
	line(tgtext.MsgStatsReleases, st.ReleasesToday)
	line(tgtext.MsgStatsOutbox, st.OutboxPending)
	if r := st.LastDigest; r != nil {
		at := r.At.In(loc).Format("02.01.2006 15:04") + " (" + tgtext.Esc(loc.String()) + ")"
		line(tgtext.MsgStatsDigest, at, r.Built, r.Sent, r.Parts)
	} else {
		line(tgtext.MsgStatsNoDigest)
	}
	if s := st.Sources; s != nil {
		line(tgtext.MsgStatsSources, s.Failing, s.Enabled)
	} else {
		line(tgtext.MsgStatsNoSources)
	}
	return strings.TrimSuffix(sb.String(), "\n")
}

// zoneOf is the chat's zone, Asia/Almaty when it cannot be loaded.
func zoneOf(name string) *time.Location {
	if loc, err := time.LoadLocation(name); err == nil && name != "" {
		return loc
	}
	if loc, err := time.LoadLocation("Asia/Almaty"); err == nil {
		return loc
	}
	return time.FixedZone("Asia/Almaty", 5*3600)
}
