package bot

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/schedule"
)

// DigestService is what /digest and /timezone need: a chat's digest
// schedule, changes to it, and a preview of its next digest. The digest
// package implements it; a Bot without one says digests are unavailable.
type DigestService interface {
	Settings(ctx context.Context, chatID int64) (DigestSettings, error)
	// SetTime takes the time as the user typed it; ErrDigestTime when it is
	// not a time of day.
	SetTime(ctx context.Context, chatID int64, clock string) (DigestSettings, error)
	// SetZone takes the zone as the user typed it; ErrTimeZone when it is
	// not one.
	SetZone(ctx context.Context, chatID int64, zone string) (DigestSettings, error)
	SetEnabled(ctx context.Context, chatID int64, on bool) (DigestSettings, error)
	// Preview returns the next digest's messages (Telegram HTML) as they
	// would be sent now, changing nothing; none when nothing is new.
	Preview(ctx context.Context, chatID int64) ([]string, error)
}

// DigestSettings is a chat's digest schedule.
type DigestSettings struct {
	Enabled bool
	Time    string    // "HH:MM", local to Zone
	Zone    string    // a zone database name or a fixed offset such as "UTC+03:00"
	Next    time.Time // the next digest, in Zone; zero when off
}

// Errors a DigestService returns for input the user should correct.
var (
	ErrDigestTime = schedule.ErrTime
	ErrTimeZone   = schedule.ErrZone
)

func (b *Bot) cmdDigest(ctx context.Context, c chatCtx, args string, _ *models.User) error {
	d := b.opts.Digest
	if d == nil {
		b.reply(ctx, c, tr(c.lang, msgDigestUnavailable), nil)
		return nil
	}
	var s DigestSettings
	var err error
	switch arg := strings.ToLower(strings.TrimSpace(args)); arg {
	case "":
		return b.showDigestSettings(ctx, c, d)
	case "now":
		return b.previewDigest(ctx, c, d)
	case "on", "off":
		s, err = d.SetEnabled(ctx, c.chat.ID, arg == "on")
	default:
		s, err = d.SetTime(ctx, c.chat.ID, arg)
		if errors.Is(err, ErrDigestTime) {
			b.reply(ctx, c, tr(c.lang, msgDigestTimeUsage), nil)
			return nil
		}
	}
	if err != nil {
		return err
	}
	b.reply(ctx, c, digestStatus(c.lang, s, msgDigestChanged), nil)
	return nil
}

func (b *Bot) showDigestSettings(ctx context.Context, c chatCtx, d DigestService) error {
	s, err := d.Settings(ctx, c.chat.ID)
	if err != nil {
		return err
	}
	html := digestStatus(c.lang, s, msgDigestHeader) + "\n\n" + tr(c.lang, msgDigestCommands)
	subs, err := b.st.Subscriptions(ctx, c.chat.ID)
	if err != nil {
		return err
	}
	if len(subs) == 0 {
		html += "\n\n" + tr(c.lang, msgDigestNoSubscriptions)
	}
	b.reply(ctx, c, html, nil)
	return nil
}

// digestStatus is lead (a format with one escaped argument: on or off),
// then the time, the zone and when the next digest comes.
func digestStatus(lang string, s DigestSettings, lead text) string {
	if !s.Enabled {
		return tr(lang, lead, tr(lang, msgDigestOff)) + "\n" + tr(lang, msgDigestTurnOn)
	}
	return tr(lang, lead, tr(lang, msgDigestOn, Esc(s.Time), Esc(zoneLabel(s.Zone, s.Next)))) + "\n" +
		tr(lang, msgDigestNext, Esc(FormatDate(lang, s.Next)+", "+s.Next.Format("15:04")))
}

// zoneLabel names a zone with its offset at t: "Europe/Budapest, UTC+01:00".
func zoneLabel(zone string, t time.Time) string {
	offset := "UTC" + t.Format("-07:00")
	if zone == offset || t.IsZero() {
		return zone
	}
	return zone + ", " + offset
}

func (b *Bot) previewDigest(ctx context.Context, c chatCtx, d DigestService) error {
	parts, err := d.Preview(ctx, c.chat.ID)
	if err != nil {
		return err
	}
	if len(parts) == 0 {
		b.reply(ctx, c, tr(c.lang, msgDigestNothingNew), nil)
		return nil
	}
	b.reply(ctx, c, tr(c.lang, msgDigestPreview), nil)
	for _, p := range parts {
		b.reply(ctx, c, p, nil)
	}
	return nil
}

func (b *Bot) cmdTimezone(ctx context.Context, c chatCtx, args string, _ *models.User) error {
	d := b.opts.Digest
	if d == nil {
		b.reply(ctx, c, tr(c.lang, msgDigestUnavailable), nil)
		return nil
	}
	if strings.TrimSpace(args) == "" {
		s, err := d.Settings(ctx, c.chat.ID)
		if err != nil {
			return err
		}
		b.reply(ctx, c, tr(c.lang, msgZoneCurrent, Esc(zoneLabel(s.Zone, s.Next)))+"\n"+tr(c.lang, msgZoneUsage), nil)
		return nil
	}
	s, err := d.SetZone(ctx, c.chat.ID, args)
	if errors.Is(err, ErrTimeZone) {
		b.reply(ctx, c, tr(c.lang, msgZoneUnknown, Esc(Truncate(args, 64)))+"\n"+tr(c.lang, msgZoneUsage), nil)
		return nil
	}
	if err != nil {
		return err
	}
	html := tr(c.lang, msgZoneSet, Esc(zoneLabel(s.Zone, s.Next)))
	if s.Enabled {
		html += "\n" + tr(c.lang, msgDigestNext, Esc(FormatDate(c.lang, s.Next)+", "+s.Next.Format("15:04")))
	}
	b.reply(ctx, c, html, nil)
	return nil
}

// FormatDate writes t's date in lang: "26 қараша 2025", "26 ноября 2025",
// "26 November 2025".
func FormatDate(lang string, t time.Time) string {
	month := t.Month().String()
	switch lang {
	case "kk":
		month = monthsKK[t.Month()-1]
	case "ru":
		month = monthsRU[t.Month()-1]
	}
	return t.Format("2") + " " + month + " " + t.Format("2006")
}

var (
	monthsKK = [12]string{"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
		"шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"}
	// Russian dates take the genitive: "26 ноября".
	monthsRU = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня",
		"июля", "августа", "сентября", "октября", "ноября", "декабря"}
)
