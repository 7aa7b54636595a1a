package bot

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/store"
)

// StatsSource answers /stats: the service's state at a glance.
type StatsSource interface {
	Stats(ctx context.Context, now time.Time) (store.Stats, error)
}

// cmdStats shows the operators' numbers to the chats in Admins. Anyone else
// gets the answer to an unknown command, so the command stays unknown.
func (b *Bot) cmdStats(ctx context.Context, c chatCtx, _ string, _ *models.User) error {
	if b.opts.Stats == nil || !slices.Contains(b.opts.Admins, c.chat.ID) {
		b.reply(ctx, c, tr(c.lang, msgUnknown), nil)
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
	line := func(t text, args ...any) {
		sb.WriteString(tr(lang, t, args...))
		sb.WriteByte('\n')
	}
	line(msgStatsTitle)
	line(msgStatsChats, st.Chats, st.ActiveChats)
	line(msgStatsSubscribers, st.ActiveSubscribers)
	line(msgStatsSubscriptions, st.EntitySubs, st.KeywordSubs)
	line(msgStatsReleases, st.ReleasesToday)
	line(msgStatsOutbox, st.OutboxPending)
	if r := st.LastDigest; r != nil {
		at := r.At.In(loc).Format("02.01.2006 15:04") + " (" + Esc(loc.String()) + ")"
		line(msgStatsDigest, at, r.Built, r.Sent, r.Parts)
	} else {
		line(msgStatsNoDigest)
	}
	if s := st.Sources; s != nil {
		line(msgStatsSources, s.Failing, s.Enabled)
	} else {
		line(msgStatsNoSources)
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

var (
	msgStatsTitle = text{kk: "<b>newsbot статистикасы</b>", ru: "<b>Статистика newsbot</b>", en: "<b>newsbot statistics</b>"}
	msgStatsChats = text{
		kk: "Чаттар: %d (белсенді: %d)",
		ru: "Чаты: %d (активных: %d)",
		en: "Chats: %d (active: %d)",
	}
	msgStatsSubscribers = text{
		kk: "Жазылымы бар белсенді чаттар: %d",
		ru: "Активные подписчики: %d",
		en: "Active subscribers: %d",
	}
	msgStatsSubscriptions = text{
		kk: "Жазылымдар: дереккөзге %d, кілт сөзге %d",
		ru: "Подписки: на источники %d, на ключевые слова %d",
		en: "Subscriptions: %d to sources, %d to keywords",
	}
	msgStatsReleases = text{
		kk: "Бүгін жарияланған жаңалықтар (Алматы уақыты): %d",
		ru: "Новостей за сегодня (по Алматы): %d",
		en: "Releases published today (Almaty): %d",
	}
	msgStatsOutbox = text{
		kk: "Жіберілуді күтіп тұрған дайджест хабарлары: %d",
		ru: "Сообщений дайджеста в очереди: %d",
		en: "Digest messages waiting to be sent: %d",
	}
	msgStatsDigest = text{
		kk: "Соңғы дайджест: %s — %d дайджест, %d/%d хабар жіберілді",
		ru: "Последний дайджест: %s — собрано %d, отправлено сообщений %d из %d",
		en: "Last digest run: %s — %d digests built, %d of %d messages sent",
	}
	msgStatsNoDigest = text{
		kk: "Соңғы дайджест: әлі болған жоқ",
		ru: "Последний дайджест: ещё не было",
		en: "Last digest run: none yet",
	}
	msgStatsSources = text{
		kk: "Қатесі бар дереккөздер: %d / %d",
		ru: "Источники с ошибками: %d из %d",
		en: "Sources failing: %d of %d",
	}
	msgStatsNoSources = text{
		kk: "Қатесі бар дереккөздер: белгісіз",
		ru: "Источники с ошибками: неизвестно",
		en: "Sources failing: unknown",
	}
)
