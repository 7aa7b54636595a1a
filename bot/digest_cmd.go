package bot

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/schedule"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// DigestService is what /digest and /timezone need: a chat's digest
// schedule, changes to it, and a preview of its next digest. The digest
// package implements it; a Bot without one says digests are unavailable.
type DigestService interface {
	Settings(ctx context.Context, chatID int64) (schedule.Settings, error)
	// SetTime takes the time as the user typed it; schedule.ErrTime when it is
	// not a time of day.
	SetTime(ctx context.Context, chatID int64, clock string) (schedule.Settings, error)
	// SetZone takes the zone as the user typed it; schedule.ErrZone when it is
	// not one.
	SetZone(ctx context.Context, chatID int64, zone string) (schedule.Settings, error)
	SetEnabled(ctx context.Context, chatID int64, on bool) (schedule.Settings, error)
	// Preview returns the next digest's messages (Telegram HTML) as they
	// would be sent now, changing nothing; none when nothing is new.
	Preview(ctx context.Context, chatID int64) ([]string, error)
}

func (b *Bot) cmdDigest(ctx context.Context, c chatCtx, args string, _ *models.User) error {
	d := b.opts.Digest
	if d == nil {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgDigestUnavailable), nil)
		return nil
	}
	var s schedule.Settings
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
		if errors.Is(err, schedule.ErrTime) {
			b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgDigestTimeUsage), nil)
			return nil
		}
	}
	if err != nil {
		return err
	}
	b.reply(ctx, c, digestStatus(c.lang, s, tgtext.MsgDigestChanged, b.opts.Now()), nil)
	return nil
}

func (b *Bot) showDigestSettings(ctx context.Context, c chatCtx, d DigestService) error {
	s, err := d.Settings(ctx, c.chat.ID)
	if err != nil {
		return err
	}
	commands := tgtext.MsgDigestCommands
	if !s.Enabled {
		commands = tgtext.MsgDigestCommandsOff
	}
	html := digestStatus(c.lang, s, tgtext.MsgDigestHeader, b.opts.Now()) + "\n\n" + tgtext.Tr(c.lang, commands)
	subs, err := b.st.Subscriptions(ctx, c.chat.ID)
	if err != nil {
		return err
	}
	if len(subs) == 0 {
		html += "\n\n" + tgtext.Tr(c.lang, tgtext.MsgDigestNoSubscriptions)
	}
	b.reply(ctx, c, html, nil)
	return nil
}

// digestStatus is lead (a format with one escaped argument: on or off),
// then the time, the zone and when the next digest comes.
func digestStatus(lang string, s schedule.Settings, lead tgtext.Text, now time.Time) string {
	if !s.Enabled {
		return tgtext.Tr(lang, lead, tgtext.Tr(lang, tgtext.MsgDigestOff)) + "\n" + tgtext.Tr(lang, tgtext.MsgDigestTurnOn)
	}
	return tgtext.Tr(lang, lead, tgtext.Tr(lang, tgtext.MsgDigestOn, tgtext.Esc(s.Time), tgtext.Esc(zoneLabel(s.Zone, s.Next, now)))) + "\n" +
		tgtext.Tr(lang, tgtext.MsgDigestNext, tgtext.Esc(tgtext.FormatDate(lang, s.Next)+", "+s.Next.Format("15:04")))
}

// zoneLabel names a zone with its offset at t, or now when t is zero (the
// digest is off): "Europe/Budapest, UTC+01:00".
func zoneLabel(zone string, t, now time.Time) string {
	if t.IsZero() {
		t = now.In(schedule.Zone(zone))
	}
	offset := "UTC" + t.Format("-07:00")
	if zone == offset {
		return zone
	}
	return zone + ", " + offset
}

// previewDigest composes the chat's next digest as a pass would, which
// matches each of its keywords against the releases since its last one: a
// heavy command (heavy.go), like /search.
func (b *Bot) previewDigest(ctx context.Context, c chatCtx, d DigestService) error {
	var parts []string
	err := b.runHeavy(ctx, c.chat.ID, func(ctx context.Context) (err error) {
		parts, err = d.Preview(ctx, c.chat.ID)
		return err
	})
	if text, ok := refusalText(c.lang, err); ok {
		b.reply(ctx, c, text, nil)
		return nil
	}
	if err != nil {
		return err
	}
	if len(parts) == 0 {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgDigestNothingNew), nil)
		return nil
	}
	b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgDigestPreview), nil)
	for _, p := range parts {
		b.reply(ctx, c, p, nil)
	}
	return nil
}

func (b *Bot) cmdTimezone(ctx context.Context, c chatCtx, args string, _ *models.User) error {
	d := b.opts.Digest
	if d == nil {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgDigestUnavailable), nil)
		return nil
	}
	if strings.TrimSpace(args) == "" {
		s, err := d.Settings(ctx, c.chat.ID)
		if err != nil {
			return err
		}
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgZoneCurrent, tgtext.Esc(zoneLabel(s.Zone, s.Next, b.opts.Now())))+"\n"+tgtext.Tr(c.lang, tgtext.MsgZoneUsage), nil)
		return nil
	}
	s, err := d.SetZone(ctx, c.chat.ID, args)
	if errors.Is(err, schedule.ErrZone) {
		b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgZoneUnknown, echo(args))+"\n"+tgtext.Tr(c.lang, tgtext.MsgZoneUsage), nil)
		return nil
	}
	if err != nil {
		return err
	}
	html := tgtext.Tr(c.lang, tgtext.MsgZoneSet, tgtext.Esc(zoneLabel(s.Zone, s.Next, b.opts.Now())))
	if s.Enabled {
		html += "\n" + tgtext.Tr(c.lang, tgtext.MsgDigestNext, tgtext.Esc(tgtext.FormatDate(c.lang, s.Next)+", "+s.Next.Format("15:04")))
	} else {
		html += "\n" + tgtext.Tr(c.lang, tgtext.MsgDigestTurnOn)
	}
	b.reply(ctx, c, html, nil)
	return nil
}
