package schedule

import (
	"testing"
	"time"
	_ "time/tzdata"
)

func TestEveryListedZoneLoads(t *testing.T) {
	for _, n := range zoneNames {
		if _, err := time.LoadLocation(n); err != nil {
			t.Errorf("zone %s: %v", n, err)
		}
	}
	for city, n := range localCities {
		if _, err := time.LoadLocation(n); err != nil {
			t.Errorf("city %s: zone %s: %v", city, n, err)
		}
	}
}

func TestFirstRunCountsTheCurrentMinute(t *testing.T) {
	loc := time.FixedZone("Almaty", 5*3600)
	at := func(h, m, s int) time.Time { return time.Date(2025, 11, 26, h, m, s, 0, loc) }
	if got := FirstRun(at(7, 30, 20), "07:30", loc); !got.Equal(at(7, 30, 0)) {
		t.Errorf("set to 07:30 at 07:30:20: first run %v, want today 07:30", got)
	}
	if got := FirstRun(at(7, 31, 0), "07:30", loc); !got.Equal(at(7, 30, 0).AddDate(0, 0, 1)) {
		t.Errorf("set to 07:30 at 07:31: first run %v, want tomorrow", got)
	}
}
