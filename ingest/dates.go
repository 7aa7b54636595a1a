package ingest

import (
	"fmt"
	"sync"
	"time"
	_ "time/tzdata" // so Asia/Almaty resolves on images without a zone database
)

// kazakhstan is the zone in which an RFC 3339 timestamp is turned into a
// publication date. Since 2024-03-01 the whole country is on UTC+5; an old
// system zone database still says +6 for Asia/Almaty, so when it does, a
// fixed +5 is used instead (right for every date since the change, an hour
// off before it).
var kazakhstan = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation("Asia/Almaty")
	if err == nil {
		if _, off := time.Date(2025, 1, 1, 0, 0, 0, 0, loc).Zone(); off == 5*3600 {
			return loc
		}
	}
	return time.FixedZone("UTC+5", 5*3600)
})

// date is the calendar day, as the store keeps it (midnight UTC).
func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// checkYear rejects dates that are certainly typos. It also keeps the zero
// time.Time (year 1) out of the store.
func checkYear(t time.Time) error {
	if y := t.Year(); y < 1900 || y > 2100 {
		return fmt.Errorf("year %d is out of range", y)
	}
	return nil
}

// parseDMY parses the aggregator's DD.MM.YYYY, refusing dates that do not
// exist (31.02.2025) instead of letting time.Date roll them over.
func parseDMY(s string) (time.Time, error) {
	t, err := time.Parse("02.01.2006", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s is not a real date", s)
	}
	if err := checkYear(t); err != nil {
		return time.Time{}, err
	}
	return t, nil
}

// parsePublished parses a JSONL "published": a date, or an RFC 3339
// timestamp whose day in Kazakhstan is the publication date.
func parsePublished(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		ts, err2 := time.Parse(time.RFC3339, s)
		if err2 != nil {
			return time.Time{}, fmt.Errorf("published %q is neither YYYY-MM-DD nor RFC 3339", s)
		}
		ts = ts.In(kazakhstan())
		t = date(ts.Year(), ts.Month(), ts.Day())
	}
	if err := checkYear(t); err != nil {
		return time.Time{}, fmt.Errorf("published %q: %w", s, err)
	}
	return t, nil
}
