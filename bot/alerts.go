package bot

import (
	"context"
	"regexp"
	"strings"

	"github.com/go-telegram/bot/models"

	"github.com/newsbot-kz/newsbot/schedule"
	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// deliveryModes are the modes a subscription cycles through when its button
// is pressed; a mode's index is its number in callback data, which must not
// change.
var deliveryModes = []string{store.DeliverDigest, store.DeliverInstant, store.DeliverBoth}

// nextMode is the mode after d in the cycle digest → instant → both.
func nextMode(d string) string {
	for i, m := range deliveryModes {
		if m == d {
			return deliveryModes[(i+1)%len(deliveryModes)]
		}
	}
	return store.DeliverInstant
}

// modeButton is a subscription's button that moves it to its next mode.
func modeButton(s store.SubscriptionView, lang string) models.InlineKeyboardButton {
	label := tgtext.Truncate(viewName(s, lang), 40) + " — " + tgtext.ModeName(lang, s.Delivery)
	return button(label, modeCallback(s.ID, nextMode(s.Delivery)))
}

// onMode changes how a subscription is delivered and refreshes the list it
// was pressed in.
func (b *Bot) onMode(ctx context.Context, c chatCtx, p press, cb callback) error {
	if cb.offset < 0 || cb.offset >= len(deliveryModes) {
		return errBadCallback
	}
	sub, err := b.st.SetDelivery(ctx, c.chat.ID, cb.id, deliveryModes[cb.offset])
	if err != nil {
		return err
	}
	toast := tgtext.Tr(c.lang, tgtext.MsgModeSet, b.subscriptionName(ctx, c.lang, sub), tgtext.ModeName(c.lang, sub.Delivery))
	if html, kb, err := b.subscriptionList(ctx, c); err == nil && kb != nil {
		b.edit(ctx, c, p.msgID, html, kb)
	}
	b.answer(ctx, p.q, toast)
	return errAnswered
}

// quietPattern is "/alerts quiet 23:00-07:00" after the word quiet.
var quietPattern = regexp.MustCompile(`^(\d{1,2}[:.]\d{2})\s*[-–—]\s*(\d{1,2}[:.]\d{2})$`)

// cmdAlerts lists the subscriptions that alert at once and the quiet hours;
// "/alerts quiet 23:00-07:00" and "/alerts quiet off" change those.
func (b *Bot) cmdAlerts(ctx context.Context, c chatCtx, args string, _ *models.User) error {
	fields := strings.Fields(args)
	if len(fields) > 0 {
		if !strings.EqualFold(fields[0], "quiet") || len(fields) < 2 {
			b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgAlertsQuietUsage), nil)
			return nil
		}
		q, ok := parseQuiet(strings.Join(fields[1:], " "))
		if !ok {
			b.reply(ctx, c, tgtext.Tr(c.lang, tgtext.MsgAlertsQuietUsage), nil)
			return nil
		}
		if err := b.st.SetQuietHours(ctx, c.chat.ID, q); err != nil {
			return err
		}
	}
	subs, err := b.st.Subscriptions(ctx, c.chat.ID)
	if err != nil {
		return err
	}
	q, err := b.st.ChatQuietHours(ctx, c.chat.ID)
	if err != nil {
		return err
	}
	var m tgtext.Message
	n := 0
	for _, s := range subs {
		if !store.Alerts(s.Delivery) {
			continue
		}
		if n == 0 {
			m.Add(tgtext.Tr(c.lang, tgtext.MsgAlertsList), "")
		}
		n++
		line := "\n• " + viewName(s, c.lang) + " — " + tgtext.ModeName(c.lang, s.Delivery)
		if !m.Fits(line, 500+headingReserve) {
			m.Text("\n…")
			break
		}
		m.Text(line)
	}
	if n == 0 {
		m.Add(tgtext.Tr(c.lang, tgtext.MsgAlertsNone), "")
	}
	m.Add("\n\n"+b.quietLine(c, q)+"\n"+tgtext.Tr(c.lang, tgtext.MsgAlertsLimits, b.opts.AlertsPerDay), "")
	b.reply(ctx, c, m.String(), nil)
	return nil
}

func (b *Bot) quietLine(c chatCtx, q store.QuietHours) string {
	if q.From == "" {
		return tgtext.Tr(c.lang, tgtext.MsgAlertsNoQuiet)
	}
	return tgtext.Tr(c.lang, tgtext.MsgAlertsQuiet, q.From, q.To, tgtext.Esc(c.chat.TimeZone))
}

// parseQuiet reads "23:00-07:00" or "off".
func parseQuiet(s string) (store.QuietHours, bool) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "off") {
		return store.QuietHours{}, true
	}
	m := quietPattern.FindStringSubmatch(s)
	if m == nil {
		return store.QuietHours{}, false
	}
	from, err1 := schedule.ParseClock(m[1])
	to, err2 := schedule.ParseClock(m[2])
	if err1 != nil || err2 != nil || from == to {
		return store.QuietHours{}, false
	}
	return store.QuietHours{From: from, To: to}, true
}
