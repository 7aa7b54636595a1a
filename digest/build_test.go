package digest_test

import (
	"strings"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/digest"
)

// The Shymkent akimat's own telling of the fixture's Kyzylzhar-2 story, and
// another Shymkent story; the fixture has no release of the akimat itself.
var (
	akimatKyzylzhar = release("shymkent", 900001, fixtureDay,
		"Kyzylzhar-2 microdistrict receives water, electricity and gas",
		"The lack of engineering infrastructure in the Kyzylzhar-2 microdistrict of the Abay district of Shymkent "+
			"has been resolved. At a field meeting this spring residents named the lack of drinking water, unstable "+
			"electricity and the lack of natural gas as the most pressing social problems, and the city mayor gave an "+
			"urgent task to deliver infrastructure networks in the shortest possible time. Construction of engineering "+
			"networks began in April 2024 on Alkap, Ordakent, Nurlykent, Syganak, Terenozek and Kolkent streets. In the "+
			"first phase a water supply, electricity and natural gas infrastructure were installed: 265 houses now have "+
			"stable drinking water and electricity, and a natural gas pipeline allows each house to be connected. The "+
			"second phase next year will provide the remaining part of the microdistrict with the necessary infrastructure.")
	akimatEntrepreneurs = release("shymkent", 900002, fixtureDay.AddDate(0, 0, -1),
		"Shymkent mayor meets entrepreneurs of the city",
		"The mayor of Shymkent met with members of the city chamber of entrepreneurs. Business owners spoke about "+
			"connecting new production facilities to electricity, land allocation in the industrial zone and the cost "+
			"of loans. The mayor instructed the entrepreneurship department to shorten the time of connection to "+
			"networks and to hold a fair of local producers in December.")
)

func TestEachSubscriberGetsTheRightItemsOnce(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	e.chat(10, "en")
	e.follow(10, "shymkent")
	e.chat(11, "ru")
	e.follow(11, "mfa-budapest")
	e.chat(12, "kk")
	e.follow(12, "word:Shymkent")
	e.chat(13, "en")
	e.follow(13, "word:Shymkent", "mfa-budapest", "shymkent")
	e.importFixture()
	e.importReleases(akimatKyzylzhar, akimatEntrepreneurs)

	if st := e.pass(fixtureDay); st.Due != 4 || st.Built != 4 || st.Failed != 0 {
		t.Fatalf("pass = %+v, want 4 chats due and 4 digests", st)
	}
	tests := []struct {
		chat    int64
		want    []string // each exactly once
		notWant []string
	}{
		{10, []string{"Akimat of Shymkent city", "1. Kyzylzhar-2 microdistrict receives water", "2. Shymkent mayor meets entrepreneurs"},
			[]string{"From deficit to development", "also:", "Hungary"}},
		{11, []string{"26 ноября 2025", "1 новость", "Посольство Республики Казахстан в Венгрии", "Water Governance"},
			[]string{"Shymkent", "2."}},
		// The keyword matches the akimat's story and both fixture tellings:
		// one story, the other two named under it.
		{12, []string{"2025 жылғы 26 қараша", "«Shymkent»", "Kyzylzhar-2 microdistrict receives water", "сондай-ақ: From deficit to development; Kyzylzhar-2 microdistrict in Shymkent has been connected", "2. Shymkent mayor meets entrepreneurs"},
			[]string{"3."}},
		// Entities come first, in the order they were followed: the Shymkent
		// stories land in the akimat's group, and the keyword has nothing left.
		{13, []string{"Akimat of Shymkent city", "Embassy of the Republic of Kazakhstan in Hungary", "1. Meeting at the Embassy", "2. Kyzylzhar-2 microdistrict receives water", "also: From deficit to development", "3. Shymkent mayor meets"},
			[]string{"“Shymkent”", "«Shymkent»", "4."}},
	}
	for _, tt := range tests {
		parts := e.queued(tt.chat)
		if len(parts) != 1 {
			t.Fatalf("chat %d: %d parts, want 1", tt.chat, len(parts))
		}
		for _, w := range tt.want {
			if n := strings.Count(parts[0], w); n != 1 {
				t.Errorf("chat %d: %q appears %d times, want once:\n%s", tt.chat, w, n, parts[0])
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(parts[0], w) {
				t.Errorf("chat %d: digest holds %q:\n%s", tt.chat, w, parts[0])
			}
		}
	}
}

// Groups and supergroups have negative chat ids (-100... for supergroups);
// they are due like private chats.
func TestGroupsGetTheirDigestToo(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	ids := []int64{-1001234567890, -4012345, 10}
	for _, id := range ids {
		if _, err := e.st.TouchChat(e.ctx, id, "supergroup", "en"); err != nil {
			t.Fatal(err)
		}
		e.follow(id, "mfa-budapest")
	}
	e.importFixture()
	if st := e.pass(fixtureDay); st.Due != 3 || st.Built != 3 {
		t.Fatalf("pass = %+v, want 3 chats due and 3 digests", st)
	}
	for _, id := range ids {
		if parts := e.queued(id); len(parts) != 1 || !strings.Contains(parts[0], "Water Governance") {
			t.Errorf("chat %d: %q, want one digest with the embassy's release", id, parts)
		}
	}
}

// A pass over more chats than one batch holds gives each due chat one
// digest and counts each once.
func TestPassOverSeveralBatchesBuildsEachChatOnce(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	const chats = 1100 // batches of 500, 500 and 100
	for id := int64(1); id <= chats; id++ {
		e.chat(id, "en")
		e.follow(id, "mfa-budapest")
	}
	e.importFixture()
	if st := e.pass(fixtureDay); st.Due != chats || st.Built != chats || st.Parts != chats || st.Failed != 0 {
		t.Errorf("pass = %+v, want %d due, built and parts", st, chats)
	}
	var dup int
	if err := e.st.DB().Get(&dup, `SELECT count(*) FROM (SELECT c.id FROM chats c
		LEFT JOIN digests d ON d.chat_id = c.id GROUP BY c.id HAVING count(d.id) <> 1) x`); err != nil || dup != 0 {
		t.Errorf("%d chats without exactly one digest (%v)", dup, err)
	}
}

func TestSecondPassBuildsNothingNew(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	e.chat(1, "en")
	e.follow(1, "mfa-budapest")
	e.importFixture()
	e.pass(fixtureDay)
	if st := e.pass(fixtureDay.Add(time.Minute)); st.Due != 0 {
		t.Errorf("a minute later %+v, want nothing due", st)
	}
	st := e.pass(fixtureDay.AddDate(0, 0, 1))
	if st.Due != 1 || st.Built != 0 {
		t.Errorf("next morning %+v, want the chat due and no digest", st)
	}
	if n := e.digests(1); n != 1 {
		t.Errorf("%d digests, want 1", n)
	}
	if next := e.settings(1).Next; !next.Equal(fixtureDay.AddDate(0, 0, 2)) {
		t.Errorf("next digest at %v, want the morning after", next)
	}
}

func TestReleaseImportedAfterADigestComesInTheNext(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	e.chat(1, "en")
	e.follow(1, "mfa-budapest")
	e.importFixture()
	e.pass(fixtureDay)
	tomorrow := fixtureDay.AddDate(0, 0, 1)
	e.importReleases(release("mfa-budapest", 900100, tomorrow, "Kazakh Culture Days in Budapest",
		"The Embassy opened the Days of Kazakh culture in Budapest."))
	e.pass(tomorrow)
	parts := e.queued(1)
	if len(parts) != 2 {
		t.Fatalf("%d parts, want one a day", len(parts))
	}
	if !strings.Contains(parts[1], "Kazakh Culture Days") || strings.Contains(parts[1], "Water Governance") {
		t.Errorf("second digest should hold only the new release:\n%s", parts[1])
	}
}

func TestArchiveNeverAppears(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	e.chat(1, "en")
	e.follow(1, "mfa-budapest")
	e.importReleases(release("mfa-budapest", 900200, fixtureDay.AddDate(0, 0, -30), "An old release",
		"Imported from the archive."))
	e.pass(fixtureDay)
	if n := e.digests(1); n != 0 {
		t.Errorf("%d digests of a 30-day-old release, want none", n)
	}
	if c := e.settings(1); c.Cursor == 0 {
		t.Error("the cursor did not move past the archive")
	}
	e.pass(fixtureDay.AddDate(0, 0, 1))
	if n := e.digests(1); n != 0 {
		t.Errorf("the archive came a day later")
	}
}

func TestReleasesBeforeTheSubscriptionAreNotSent(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{})
	e.chat(1, "en")
	e.importFixture()
	e.follow(1, "mfa-budapest")
	if st := e.pass(fixtureDay); st.Due != 1 || st.Built != 0 {
		t.Errorf("pass = %+v, want the chat due and no digest", st)
	}
}

func TestItemLimitEndsWithAndMore(t *testing.T) {
	e := newDigestEnv(t, digest.BuildOptions{MaxItems: 3})
	e.chat(1, "ru")
	e.follow(1, "word:Kazakhstan")
	e.importFixture()
	e.pass(fixtureDay)
	parts := e.queued(1)
	if len(parts) != 1 {
		t.Fatalf("%d parts, want 1", len(parts))
	}
	if !strings.Contains(parts[0], "3. ") || strings.Contains(parts[0], "4. ") {
		t.Errorf("want exactly 3 items:\n%s", parts[0])
	}
	if !strings.HasSuffix(parts[0], "новостей — /latest") || !strings.Contains(parts[0], "…и ещё ") {
		t.Errorf("want a closing “…и ещё N новостей — /latest”:\n%s", parts[0])
	}
}
