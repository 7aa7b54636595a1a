package digest_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/schedule"
)

// occursIn reports whether the wall clock in loc reads hh:mm at some moment
// in [from, to]: checked day by day on the calendar, independently of
// schedule.NextRun.
func occursIn(from, to time.Time, hh, mm int, loc *time.Location) bool {
	d := from.In(loc).AddDate(0, 0, -1)
	for day := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc); !day.After(to.In(loc)); day = day.AddDate(0, 0, 1) {
		at := time.Date(day.Year(), day.Month(), day.Day(), hh, mm, 0, 0, loc)
		if !at.Before(from) && !at.After(to) {
			return true
		}
	}
	return false
}

// Every chat that subscribed before a pass at T, at a moment from which its
// digest time has come by T, is due at T, and only such chats are: over
// random subscription moments, digest times, zones and pass times, in time
// order, the set each pass claims is the set this independent reckoning
// expects. A chat built at a pass is due next only when its time comes
// again after that pass.
func TestEveryChatThatSubscribedBeforeItsTimeIsDue(t *testing.T) {
	zones := []string{"Asia/Almaty", "Asia/Aqtau", "Europe/Budapest", "America/New_York", "Asia/Tokyo", "UTC+05:30", "UTC"}
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 11))
			e := newDigestEnv(t, digest.BuildOptions{})
			start := time.Date(2026, 3, 27, 0, 0, 0, 0, time.UTC) // Europe and America change clocks around here
			span := 4 * 24 * time.Hour
			type chat struct {
				id     int64
				hh, mm int
				loc    *time.Location
				subAt  time.Time
				builtT time.Time // the last pass that built it; zero if none
			}
			type event struct {
				at   time.Time
				chat *chat // nil: a pass
			}
			var events []event
			var chats []*chat
			for i := range 60 {
				zone := zones[rng.IntN(len(zones))]
				c := &chat{id: int64(1000 + i), hh: rng.IntN(24), mm: rng.IntN(60), loc: schedule.Zone(zone),
					subAt: start.Add(time.Duration(rng.Int64N(int64(span))))}
				chats = append(chats, c)
				events = append(events, event{at: c.subAt, chat: c})
				e.chat(c.id, "en")
				if _, err := e.st.DB().Exec(`UPDATE chats SET time_zone = $2, digest_time = $3::time WHERE id = $1`,
					c.id, zone, fmt.Sprintf("%02d:%02d", c.hh, c.mm)); err != nil {
					t.Fatal(err)
				}
			}
			for range 12 {
				// Passes at whole minutes, as cron ticks, and a few between.
				at := start.Add(time.Duration(rng.Int64N(int64(span + 24*time.Hour)))).Truncate(time.Minute)
				if rng.IntN(3) == 0 {
					at = at.Add(time.Duration(rng.IntN(60)) * time.Second)
				}
				events = append(events, event{at: at})
			}
			totalDue := 0
			defer func() {
				t.Logf("%d chats, %d passes: %d times a chat was due", len(chats), len(events)-len(chats), totalDue)
			}()
			slices.SortStableFunc(events, func(a, b event) int { return a.at.Compare(b.at) })
			for _, ev := range events {
				if c := ev.chat; c != nil {
					e.subscribedAt = c.subAt
					e.follow(c.id, "mfa-budapest")
					continue
				}
				before := map[int64]*time.Time{}
				for _, c := range chats {
					before[c.id] = e.settings(c.id).Next
				}
				st := e.pass(ev.at)
				due := 0
				for _, c := range chats {
					if c.subAt.After(ev.at) {
						continue // subscribes later
					}
					// Due when the time came since it subscribed (counted
					// from the start of that minute) or since its last
					// digest (strictly after that pass).
					from := c.subAt.Truncate(time.Minute)
					if !c.builtT.IsZero() {
						from = c.builtT.Add(time.Nanosecond)
					}
					want := occursIn(from, ev.at, c.hh, c.mm, c.loc)
					next := e.settings(c.id).Next
					got := next != nil && before[c.id] != nil && !next.Equal(*before[c.id])
					if got != want {
						t.Errorf("pass at %s: chat %d (%02d:%02d %s, subscribed %s): due %v, want %v (next %v → %v)",
							ev.at.Format(time.RFC3339), c.id, c.hh, c.mm, c.loc, c.subAt.Format(time.RFC3339),
							got, want, before[c.id], next)
					}
					if want {
						due++
						c.builtT = ev.at
					}
				}
				totalDue += due
				if st.Due != due {
					t.Errorf("pass at %s: %d due, want %d", ev.at.Format(time.RFC3339), st.Due, due)
				}
			}
		})
	}
}
