package digest

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// The events index finds, for each release, exactly the earlier ones in
// another language that textmatch.SameEvent takes for its event, over the
// labelled cross-language set.
func TestEventsIndexAgreesWithSameEvent(t *testing.T) {
	f, err := os.Open("../testdata/eval/crosslang.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var fps [][]string
	var langs []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r struct{ Lang, Title, Body string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		fps = append(fps, textmatch.Fingerprint(r.Title, r.Body))
		langs = append(langs, r.Lang)
	}
	x := newEvents(textmatch.DefaultEventSimilarity)
	found := 0
	for i, fp := range fps {
		var got, want []int32
		x.add(fp, langs[i], func(j int32) { got = append(got, j) })
		for j := range i {
			if langs[j] != langs[i] && textmatch.SameEvent(fps[j], fp, textmatch.DefaultEventSimilarity) {
				want = append(want, int32(j))
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("release %d: the index finds %v, SameEvent %v", i, got, want)
		}
		found += len(got)
	}
	if found < 30 {
		t.Errorf("only %d pairs found", found)
	}
}

// Stories of one event in three languages fold into the one in the chat's
// language wherever it stands, the others named in order; in a chat of
// none of their languages, into the first. Other stories stay.
func TestFoldLanguagesKeepsTheChatsLanguage(t *testing.T) {
	rel := func(id int64, lang string) *store.Release {
		return &store.Release{ID: id, Lang: lang, Title: "t" + lang, URL: "https://example.org/" + lang,
			Entity: &store.Entity{ID: id, Slug: "e" + lang, NameEN: "source " + lang}}
	}
	stories := []entry{{rel: rel(1, "kk"), win: 0}, {rel: rel(2, "en"), win: 1, also: []string{"x"}},
		{rel: rel(3, "ru"), win: 2}, {rel: rel(4, "kk"), win: 3}, {rel: rel(5, "ru"), win: 4}}
	// 0–1 and 1–2 are one event (a chain); 3 and 4 are unrelated.
	cross := [][]int32{{1}, {0, 2}, {1}, nil, nil}
	pos := []int32{-1, -1, -1, -1, -1}
	for _, tc := range []struct {
		lang    string
		keep    int64
		alsoIn  []string
		stories []int64
	}{
		{"ru", 3, []string{"kk", "en"}, []int64{3, 4, 5}},
		{"en", 2, []string{"kk", "ru"}, []int64{2, 4, 5}},
		{"kk", 1, []string{"en", "ru"}, []int64{1, 4, 5}},
	} {
		out := foldLanguages(slices.Clone(stories), cross, pos, tc.lang)
		var ids []int64
		var kept entry
		for _, e := range out {
			ids = append(ids, e.rel.ID)
			if e.rel.ID == tc.keep {
				kept = e
			}
		}
		var alsoIn []string
		for _, a := range kept.alsoIn {
			alsoIn = append(alsoIn, a.Lang)
		}
		if !slices.Equal(ids, tc.stories) || !slices.Equal(alsoIn, tc.alsoIn) {
			t.Errorf("%s chat: stories %v, also in %v; want %v, also in %v", tc.lang, ids, alsoIn, tc.stories, tc.alsoIn)
		}
		if !slices.Contains(kept.also, "x") {
			t.Errorf("%s chat: the en story's other sources are lost: %v", tc.lang, kept.also)
		}
		if slices.ContainsFunc(pos, func(p int32) bool { return p != -1 }) {
			t.Errorf("%s chat: scratch left %v", tc.lang, pos)
		}
	}
}
