package schedule

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A fixed offset is stored as "UTC+05:30": the zone database has no name for
// offsets that are not whole hours, and its Etc/GMT-5 means UTC+5.
var (
	offsetPattern = regexp.MustCompile(`(?i)^(?:utc|gmt)?\s*([+\-−–])\s*(\d{1,2})(?:[:.]?(\d{2}))?$`)
	storedOffset  = regexp.MustCompile(`^UTC([+-])(\d{2}):(\d{2})$`)
)

// LoadZone returns the location of a zone as stored: a zone database name or
// a fixed offset as ParseZone writes it.
func LoadZone(name string) (*time.Location, error) {
	if loc, ok := zoneCache.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := loadZone(name)
	if err == nil {
		zoneCache.Store(name, loc)
	}
	return loc, err
}

// zoneCache holds the zones loaded so far: time.LoadLocation reads and
// parses the zone file on every call, twice per chat of a digest pass. The
// zones in use are few (the chats' own), so it never needs trimming.
var zoneCache sync.Map

func loadZone(name string) (*time.Location, error) {
	if m := storedOffset.FindStringSubmatch(name); m != nil {
		h, _ := strconv.Atoi(m[2])
		mins, _ := strconv.Atoi(m[3])
		secs := (h*60 + mins) * 60
		if m[1] == "-" {
			secs = -secs
		}
		return time.FixedZone(name, secs), nil
	}
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("schedule: zone %q: %w", name, ErrZone)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("schedule: zone %q: %w", name, ErrZone)
	}
	return loc, nil
}

// ParseZone reads a time zone as people type it: a zone name in any letter
// case ("europe/budapest"), a city of the zone database ("Budapest",
// "new york"), a few city names in Kazakh and Russian ("Алматы",
// "Будапешт"), or a fixed offset ("UTC+3", "+05:00", "GMT-3:30"). It
// returns the name to store, or ErrZone.
func ParseZone(s string) (string, error) {
	s = strings.Join(strings.Fields(s), " ")
	if name, ok := parseOffset(s); ok {
		return name, nil
	}
	key := zoneKey(s)
	if name, ok := zoneIndex()[key]; ok {
		return name, nil
	}
	if name, ok := localCities[key]; ok {
		return name, nil
	}
	return "", fmt.Errorf("schedule: zone %q: %w", s, ErrZone)
}

func parseOffset(s string) (string, bool) {
	switch strings.ToUpper(s) {
	case "UTC", "GMT", "Z", "UTC+0", "GMT+0":
		return "UTC", true
	}
	m := offsetPattern.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	h, _ := strconv.Atoi(m[2])
	mins := 0
	if m[3] != "" {
		mins, _ = strconv.Atoi(m[3])
	}
	sign := "+"
	if m[1] != "+" {
		sign = "-"
	}
	// Real offsets run from UTC-12 to UTC+14, in quarter hours.
	if h*60+mins > 14*60 || mins%15 != 0 || (sign == "-" && h*60+mins > 12*60) {
		return "", false
	}
	if h == 0 && mins == 0 {
		return "UTC", true
	}
	return fmt.Sprintf("UTC%s%02d:%02d", sign, h, mins), true
}

// zoneKey is how names and cities are compared: lower case, "_" and "-" as
// spaces.
func zoneKey(s string) string {
	s = strings.NewReplacer("_", " ", "-", " ").Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

var (
	zoneIndexOnce sync.Once
	zoneIndexMap  map[string]string
)

// zoneIndex maps the key of every zone name, and of its city (the last
// part), to the name; the first name listed wins a shared key.
func zoneIndex() map[string]string {
	zoneIndexOnce.Do(func() {
		zoneIndexMap = make(map[string]string, 2*len(zoneNames))
		add := func(key, name string) {
			if _, ok := zoneIndexMap[key]; !ok {
				zoneIndexMap[key] = name
			}
		}
		for _, n := range zoneNames {
			add(zoneKey(n), n)
		}
		for _, n := range zoneNames {
			add(zoneKey(n[strings.LastIndex(n, "/")+1:]), n)
		}
		add("utc", "UTC")
	})
	return zoneIndexMap
}

// localCities are cities users write in Kazakh or Russian, and Kazakh cities
// the zone database does not name; every one in Kazakhstan is UTC+5.
var localCities = map[string]string{
	"алматы": "Asia/Almaty", "алма ата": "Asia/Almaty", "астана": "Asia/Almaty",
	"astana": "Asia/Almaty", "нур султан": "Asia/Almaty", "шымкент": "Asia/Almaty",
	"shymkent": "Asia/Almaty", "караганда": "Asia/Almaty", "қарағанды": "Asia/Almaty",
	"karaganda": "Asia/Almaty", "ақтау": "Asia/Aqtau", "актау": "Asia/Aqtau",
	"ақтөбе": "Asia/Aqtobe", "актобе": "Asia/Aqtobe", "атырау": "Asia/Atyrau",
	"орал": "Asia/Oral", "уральск": "Asia/Oral", "қызылорда": "Asia/Qyzylorda",
	"кызылорда": "Asia/Qyzylorda", "қостанай": "Asia/Qostanay", "костанай": "Asia/Qostanay",
	"будапешт": "Europe/Budapest", "москва": "Europe/Moscow", "мәскеу": "Europe/Moscow",
	"стамбул": "Europe/Istanbul", "ыстамбұл": "Europe/Istanbul", "анкара": "Europe/Istanbul",
	"лондон": "Europe/London", "берлин": "Europe/Berlin", "париж": "Europe/Paris",
	"вена": "Europe/Vienna", "прага": "Europe/Prague", "варшава": "Europe/Warsaw",
	"рим": "Europe/Rome", "мадрид": "Europe/Madrid", "брюссель": "Europe/Brussels",
	"женева": "Europe/Zurich", "geneva": "Europe/Zurich", "ташкент": "Asia/Tashkent",
	"бишкек": "Asia/Bishkek", "душанбе": "Asia/Dushanbe", "баку": "Asia/Baku",
	"тбилиси": "Asia/Tbilisi", "дубай": "Asia/Dubai", "абу даби": "Asia/Dubai",
	"abu dhabi": "Asia/Dubai", "пекин": "Asia/Shanghai", "beijing": "Asia/Shanghai",
	"сеул": "Asia/Seoul", "токио": "Asia/Tokyo", "нью йорк": "America/New_York",
	"вашингтон": "America/New_York", "washington": "America/New_York",
}
