package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/bot"
	"github.com/newsbot-kz/newsbot/store"
)

func TestDigestSettingsAndChanges(t *testing.T) {
	h := newHarness(t)
	steps := []struct {
		text string
		want []string
	}{
		{"/digest", []string{"Daily digest: every day at 09:00 (Asia/Almaty, UTC+05:00).",
			"Next digest: 27 November 2025, 09:00.", "/digest 07:30 — change the time", "You follow nothing yet"}},
		{"/digest 7:30", []string{"✅ Daily digest: every day at 07:30 (Asia/Almaty, UTC+05:00).",
			"Next digest: 27 November 2025, 07:30."}},
		{"/digest 25:00", []string{"Please give the time as HH:MM, for example /digest 07:30"}},
		{"/digest off", []string{"✅ Daily digest: off.", "/digest on turns it back on."}},
		{"/digest", []string{"Daily digest: off."}},
		{"/digest on", []string{"every day at 07:30", "Next digest: 27 November 2025, 07:30."}},
		// 11:00 in Budapest now: 07:30 there is tomorrow.
		{"/timezone Europe/Budapest", []string{"Time zone: Europe/Budapest, UTC+01:00.",
			"Next digest: 27 November 2025, 07:30."}},
		{"/timezone", []string{"Your time zone: Europe/Budapest, UTC+01:00.", "/timezone UTC+3"}},
		{"/timezone utc+3", []string{"Time zone: UTC+03:00.", "Next digest: 27 November 2025, 07:30."}},
		{"/timezone Mars/Olympus <b>", []string{"I do not know the time zone “Mars/Olympus <b>”.",
			"a city or an offset from UTC: /timezone Europe/Budapest, /timezone Budapest, /timezone UTC+3."}},
		{"/timezone almaty", []string{"Time zone: Asia/Almaty, UTC+05:00."}},
	}
	for _, s := range steps {
		mustContain(t, h.one(h.send(601, "en", s.text)).Plain, s.want...)
	}
}

// While the digest is off, /digest offers to turn it on (not off), and
// /timezone still gives the offset and how to turn it on.
func TestDigestOffOffersOn(t *testing.T) {
	h := newHarness(t)
	h.send(602, "en", "/digest off")
	got := h.one(h.send(602, "en", "/digest")).Plain
	mustContain(t, got, "/digest on turns it back on.")
	if strings.Contains(got, "/digest off") {
		t.Errorf("/digest while off offers /digest off:\n%s", got)
	}
	mustContain(t, h.one(h.send(602, "en", "/timezone")).Plain, "Your time zone: Asia/Almaty, UTC+05:00.")
	mustContain(t, h.one(h.send(602, "en", "/timezone Europe/Budapest")).Plain,
		"Time zone: Europe/Budapest, UTC+01:00.", "/digest on turns it back on.")
}

func TestDigestSettingsInKazakhAndRussian(t *testing.T) {
	h := newHarness(t)
	mustContain(t, h.one(h.send(602, "ru", "/digest")).Plain,
		"Ежедневный дайджест: каждый день в 09:00 (Asia/Almaty, UTC+05:00).", "Следующий дайджест: 27 ноября 2025, 09:00.")
	mustContain(t, h.one(h.send(603, "kk", "/digest")).Plain,
		"Күнделікті дайджест: күн сайын сағат 09:00", "Келесі дайджест: 2025 жылғы 27 қараша, 09:00.")
	mustContain(t, h.one(h.send(602, "ru", "/timezone Будапешт")).Plain, "Часовой пояс: Europe/Budapest, UTC+01:00.")
	mustContain(t, h.one(h.send(603, "kk", "/digest 99")).Plain, "Уақытты СС:ММ түрінде жазыңыз")
}

func TestDigestNowPreviewsWithoutChangingAnything(t *testing.T) {
	h := newHarness(t)
	h.send(604, "en", "/subscribe mfa-budapest")
	mustContain(t, h.one(h.send(604, "en", "/digest now")).Plain, "Nothing new for your next digest yet.")

	day := time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC)
	if _, err := h.st.ImportReleases(context.Background(), []store.NewRelease{{
		EntitySlug: "mfa-budapest", GovkzID: 990001, ContentHash: "digest-now",
		URL:   "https://www.gov.kz/memleket/entities/mfa-budapest/press/news/details/990001",
		Title: "Kazakh Culture Days <in> Budapest & Debrecen", Body: "Opened today.", Lang: "en", PublishedOn: day,
	}}); err != nil {
		t.Fatal(err)
	}
	for range 2 { // twice: a preview moves nothing
		msgs := h.send(604, "en", "/digest now")
		if len(msgs) != 2 {
			t.Fatalf("got %d messages, want an introduction and the digest", len(msgs))
		}
		mustContain(t, msgs[0].Plain, "Your next digest, if it were sent now")
		mustContain(t, msgs[1].Plain, "📰 Your gov.kz digest · 26 November 2025", "1 new release from what you follow",
			"Embassy of the Republic of Kazakhstan in Hungary", "1. Kazakh Culture Days <in> Budapest & Debrecen")
	}
	var digests, cursor int64
	db := h.st.DB()
	if err := db.Get(&digests, `SELECT count(*) FROM digests`); err != nil || digests != 0 {
		t.Errorf("%d digests after a preview (%v)", digests, err)
	}
	if err := db.Get(&cursor, `SELECT digest_cursor FROM chats WHERE id = 604`); err != nil || cursor != 0 {
		t.Errorf("cursor %d after a preview (%v)", cursor, err)
	}
}

func TestDigestWithoutTheServiceIsUnavailable(t *testing.T) {
	h := newHarness(t, func(o *bot.Options) { o.Digest = nil })
	mustContain(t, h.one(h.send(605, "en", "/digest")).Plain, "Digests are not available right now.")
	mustContain(t, h.one(h.send(605, "en", "/timezone Budapest")).Plain, "Digests are not available right now.")
	mustContain(t, h.one(h.send(605, "en", "/help")).Plain, "/digest [HH:MM|on|off|now] — daily digest", "/timezone zone or city")
}
