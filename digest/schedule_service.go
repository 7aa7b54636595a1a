package digest

import (
	"context"
	"time"

	"github.com/newsbot-kz/newsbot/schedule"
	"github.com/newsbot-kz/newsbot/store"
)

// Service is the chat-facing side of the schedule, what /digest and
// /timezone show and change: the bot's DigestService. A change of time,
// zone or on/off moves the chat's next digest time at once.
type Service struct {
	st  DigestStore
	b   *Builder
	now func() time.Time
}

// NewService returns a Service; now is the clock (time.Now when nil).
func NewService(st DigestStore, b *Builder, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{st: st, b: b, now: now}
}

// Settings returns the chat's schedule.
func (s *Service) Settings(ctx context.Context, chatID int64) (schedule.Settings, error) {
	c, err := s.st.DigestChatByID(ctx, chatID)
	if err != nil {
		return schedule.Settings{}, err
	}
	return s.settingsOf(c), nil
}

// SetTime sets the chat's digest time from what the user typed.
func (s *Service) SetTime(ctx context.Context, chatID int64, clock string) (schedule.Settings, error) {
	hc, err := schedule.ParseClock(clock)
	if err != nil {
		return schedule.Settings{}, err
	}
	return s.update(ctx, chatID, func(c *store.DigestChat) { c.Time = hc })
}

// SetZone sets the chat's time zone from what the user typed.
func (s *Service) SetZone(ctx context.Context, chatID int64, zone string) (schedule.Settings, error) {
	name, err := schedule.ParseZone(zone)
	if err != nil {
		return schedule.Settings{}, err
	}
	return s.update(ctx, chatID, func(c *store.DigestChat) { c.TimeZone = name })
}

// SetEnabled turns the chat's digest on or off.
func (s *Service) SetEnabled(ctx context.Context, chatID int64, on bool) (schedule.Settings, error) {
	return s.update(ctx, chatID, func(c *store.DigestChat) { c.Enabled = on })
}

// Preview returns the next digest's messages as they would be sent now.
func (s *Service) Preview(ctx context.Context, chatID int64) ([]string, error) {
	parts, err := s.b.Preview(ctx, chatID, s.now())
	html := make([]string, len(parts))
	for i, p := range parts {
		html[i] = p.HTML
	}
	return html, err
}

// update applies change and recomputes the next digest time: none while the
// digest is off.
func (s *Service) update(ctx context.Context, chatID int64, change func(c *store.DigestChat)) (schedule.Settings, error) {
	now := s.now()
	c, err := s.st.UpdateDigestChat(ctx, chatID, func(c *store.DigestChat) error {
		change(c)
		c.Next = nil
		if c.Enabled {
			next := schedule.FirstRun(now, c.Time, schedule.Zone(c.TimeZone))
			c.Next = &next
		}
		return nil
	})
	if err != nil {
		return schedule.Settings{}, err
	}
	return s.settingsOf(c), nil
}

// settingsOf shows c's schedule in its zone; a chat that follows nothing yet
// (so has no time stored) shows the time its first subscription would give.
func (s *Service) settingsOf(c store.DigestChat) schedule.Settings {
	loc := schedule.Zone(c.TimeZone)
	st := schedule.Settings{Enabled: c.Enabled, Time: c.Time, Zone: c.TimeZone}
	switch {
	case !c.Enabled:
	case c.Next != nil:
		st.Next = c.Next.In(loc)
	default:
		st.Next = schedule.FirstRun(s.now(), c.Time, loc)
	}
	return st
}
