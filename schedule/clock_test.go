package schedule_test

import (
	"errors"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/schedule"
)

func TestParseClock(t *testing.T) {
	for in, want := range map[string]string{
		"07:30": "07:30", "7:30": "07:30", "07.30": "07:30", "0:00": "00:00", "23:59": "23:59",
	} {
		if got, err := schedule.ParseClock(in); err != nil || got != want {
			t.Errorf("ParseClock(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "24:00", "7", "07:60", "7:5", "07:30pm", "seven", "-1:00", "007:30"} {
		if _, err := schedule.ParseClock(in); !errors.Is(err, schedule.ErrTime) {
			t.Errorf("ParseClock(%q) error = %v, want ErrDigestTime", in, err)
		}
	}
}

func TestParseZone(t *testing.T) {
	for in, want := range map[string]string{
		"Europe/Budapest":              "Europe/Budapest",
		"europe/budapest":              "Europe/Budapest",
		"Budapest":                     "Europe/Budapest",
		" BUDAPEST ":                   "Europe/Budapest",
		"Будапешт":                     "Europe/Budapest",
		"new york":                     "America/New_York",
		"New_York":                     "America/New_York",
		"Almaty":                       "Asia/Almaty",
		"алматы":                       "Asia/Almaty",
		"Астана":                       "Asia/Almaty",
		"Kiev":                         "Europe/Kiev",
		"Kyiv":                         "Europe/Kyiv",
		"UTC+3":                        "UTC+03:00",
		"utc +3":                       "UTC+03:00",
		"+05:00":                       "UTC+05:00",
		"GMT-3:30":                     "UTC-03:30",
		"UTC+5:45":                     "UTC+05:45",
		"−4":                           "UTC-04:00",
		"UTC":                          "UTC",
		"utc+0":                        "UTC",
		"America/Indiana/Indianapolis": "America/Indiana/Indianapolis",
	} {
		got, err := schedule.ParseZone(in)
		if err != nil || got != want {
			t.Errorf("ParseZone(%q) = %q, %v; want %q", in, got, err, want)
			continue
		}
		if _, err := schedule.LoadZone(got); err != nil {
			t.Errorf("LoadZone(%q): %v", got, err)
		}
	}
	for _, in := range []string{"", "Mars/Olympus", "Local", "UTC+15", "UTC-13", "+05:20", "09:00", "Atlantis", "../etc/passwd"} {
		if got, err := schedule.ParseZone(in); !errors.Is(err, schedule.ErrZone) {
			t.Errorf("ParseZone(%q) = %q, %v; want ErrTimeZone", in, got, err)
		}
	}
}

func TestLoadZoneFixedOffset(t *testing.T) {
	loc, err := schedule.LoadZone("UTC-03:30")
	if err != nil {
		t.Fatal(err)
	}
	if _, off := time.Date(2025, 1, 1, 0, 0, 0, 0, loc).Zone(); off != -(3*3600 + 1800) {
		t.Errorf("offset %d s, want -3:30", off)
	}
}

func TestNextRun(t *testing.T) {
	almatyLoc, _ := schedule.LoadZone("Asia/Almaty")
	tests := []struct {
		name  string
		after time.Time
		clock string
		want  time.Time
	}{
		{"before today's time", almaty(2025, 11, 26, 8, 59), "09:00", almaty(2025, 11, 26, 9, 0)},
		{"at the time: strictly after", almaty(2025, 11, 26, 9, 0), "09:00", almaty(2025, 11, 27, 9, 0)},
		{"just after", almaty(2025, 11, 26, 9, 0).Add(time.Millisecond), "09:00", almaty(2025, 11, 27, 9, 0)},
		{"month end", almaty(2025, 11, 30, 23, 0), "07:30", almaty(2025, 12, 1, 7, 30)},
		{"unreadable clock is 09:00", almaty(2025, 11, 26, 0, 0), "nonsense", almaty(2025, 11, 26, 9, 0)},
	}
	for _, tt := range tests {
		if got := schedule.NextRun(tt.after, tt.clock, almatyLoc); !got.Equal(tt.want) {
			t.Errorf("%s: NextRun = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// almaty is a wall-clock time in Kazakhstan (UTC+5).
func almaty(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.FixedZone("Almaty", 5*3600))
}
