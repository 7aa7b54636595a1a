// Package schedule holds the rules of a chat's digest clock: the time of
// day and zone a chat chose, how people type them, and when the next digest
// falls. It is a leaf: the store schedules a chat in the transaction that
// gives it its first subscription, and the digest pass moves it after each
// digest, both with these rules.
package schedule

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Errors of what a user typed.
var (
	ErrTime = errors.New("not a time of day (HH:MM)")
	ErrZone = errors.New("not a known time zone")
)

// Settings is a chat's digest schedule, as /digest and /timezone show it.
type Settings struct {
	Enabled bool
	Time    string    // "HH:MM", local to Zone
	Zone    string    // a zone database name or a fixed offset such as "UTC+03:00"
	Next    time.Time // the next digest, in Zone; zero when off
}

// A chat's digest time and zone until it changes them; the chats table has
// the same defaults. Kazakhstan is on UTC+5 all year since 2024.
const (
	DefaultTime = "09:00"
	DefaultZone = "Asia/Almaty"
)

var clockPattern = regexp.MustCompile(`^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$`)

// ParseClock reads a digest time as people type it ("7:30", "07:30",
// "07.30") and returns it as "HH:MM", or ErrTime.
func ParseClock(s string) (string, error) {
	m := clockPattern.FindStringSubmatch(s)
	if m == nil {
		return "", fmt.Errorf("schedule: time %q: %w", s, ErrTime)
	}
	h, _ := strconv.Atoi(m[1])
	return fmt.Sprintf("%02d:%s", h, m[2]), nil
}

// NextRun is the first moment strictly after t at which the wall clock in
// loc reads clock ("HH:MM"; DefaultTime when unreadable). Each day is
// computed from the calendar, not by adding 24 hours, so the digest keeps
// its local time across daylight-saving changes. On the one day a year a
// clock time is skipped or repeated, time.Date picks one of the candidates.
func NextRun(t time.Time, clock string, loc *time.Location) time.Time {
	hc, err := ParseClock(clock)
	if err != nil {
		hc = DefaultTime
	}
	h, _ := strconv.Atoi(hc[:2])
	m, _ := strconv.Atoi(hc[3:])
	local := t.In(loc)
	for d := 0; ; d++ {
		c := time.Date(local.Year(), local.Month(), local.Day()+d, h, m, 0, 0, loc)
		if c.After(t) {
			return c
		}
	}
}

// FirstRun is the next digest time of a chat that was just seen or whose
// settings just changed: the first occurrence from the start of the current
// minute, so that a chat set to 07:30 at 07:30:20 still gets today's digest
// at the next tick, while the tick itself (at :00 seconds) never lands a
// chat just before its own time.
func FirstRun(now time.Time, clock string, loc *time.Location) time.Time {
	return NextRun(now.Truncate(time.Minute).Add(-time.Nanosecond), clock, loc)
}

// Zone is the location of a stored zone name, the default zone when it
// no longer loads (a name dropped from a newer zone database).
func Zone(name string) *time.Location {
	loc, err := LoadZone(name)
	if err != nil {
		loc, _ = LoadZone(DefaultZone)
	}
	return loc
}
