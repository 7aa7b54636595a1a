package textmatch_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"testing"

	"github.com/newsbot-kz/newsbot"
	"github.com/newsbot-kz/newsbot/ingest"
	"github.com/newsbot-kz/newsbot/textmatch"
)

// The figures DefaultEventSimilarity must keep on the labelled releases of
// testdata/eval/crosslang.jsonl and the fixture page's: every pair of two
// releases in different languages is labelled, the same event when their
// "event" is. The fixture's items are each an event of their own but for
// items 2 and 3, the Kyzylzhar-2 water supply that the set tells in Kazakh
// and Russian; item 16, the Budapest embassy's meeting with students, is in
// the set's Hungary cluster (the same embassy and ambassador).
const (
	minEventPrecision = 0.95
	minEventRecall    = 0.8
)

type crossRelease struct {
	Event, Cluster, Lang, URL, Title, Body string
}

func TestCrossLanguageDuplicatesOnLabelledPairs(t *testing.T) {
	f, err := os.Open("../testdata/eval/crosslang.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rels []crossRelease
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r crossRelease
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		rels = append(rels, r)
	}
	fixture, _, err := ingest.Parse(newsbot.SampleName, bytes.NewReader(newsbot.SamplePage))
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range fixture {
		c := crossRelease{Event: "fixture-" + strconv.Itoa(i+1), Cluster: "fixture", Lang: r.Lang, URL: r.URL, Title: r.Title, Body: r.Body}
		switch i + 1 {
		case 2, 3:
			c.Event, c.Cluster = "shymkent-kyzylzhar-water", "shymkent"
		case 16:
			c.Cluster = "hungary"
		}
		rels = append(rels, c)
	}
	fps := make([][]string, len(rels))
	for i, r := range rels {
		fps[i] = textmatch.Fingerprint(r.Title, r.Body)
	}
	var tp, fp, fn, tn, hard int
	minSame, maxDifferent, maxHard := 1.0, 0.0, 0.0
	for i := range rels {
		for j := i + 1; j < len(rels); j++ {
			a, b := rels[i], rels[j]
			if a.Lang == b.Lang || a.Lang == "" || b.Lang == "" {
				continue // the same language is the shingles' part; no language, no "also in"
			}
			sim, shared := textmatch.EventSimilarity(fps[i], fps[j])
			got := textmatch.SameEvent(fps[i], fps[j], textmatch.DefaultEventSimilarity)
			same := a.Event == b.Event
			name := a.Event + " " + a.Lang + " / " + b.Event + " " + b.Lang
			if testing.Verbose() {
				t.Logf("%v %.3f %4.0f %s", same, sim, shared, name)
			}
			switch {
			case same && got:
				tp++
				minSame = min(minSame, sim)
			case same:
				fn++
				t.Logf("missed (similarity %.3f, shared %.0f): %s", sim, shared, name)
			case got:
				fp++
				t.Logf("different events taken for one (similarity %.3f, shared %.0f): %s", sim, shared, name)
			default:
				tn++
				maxDifferent = max(maxDifferent, sim)
				if a.Cluster == b.Cluster {
					maxHard = max(maxHard, sim)
				}
			}
			if !same && a.Cluster == b.Cluster {
				hard++
			}
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("threshold %.2f, shared weight ≥ %d: precision %.2f, recall %.2f (tp %d, fp %d, fn %d, tn %d; %d hard negatives: "+
		"same source, place or people); lowest same event %.3f, highest different %.3f (hard %.3f)",
		textmatch.DefaultEventSimilarity, textmatch.MinEventWeight, precision, recall, tp, fp, fn, tn, hard, minSame, maxDifferent, maxHard)
	if tp+fn < 30 || fp+tn < 60 {
		t.Fatalf("only %d positive and %d negative pairs", tp+fn, fp+tn)
	}
	if precision < minEventPrecision || recall < minEventRecall {
		t.Errorf("precision %.2f (want ≥ %.2f), recall %.2f (want ≥ %.2f)", precision, minEventPrecision, recall, minEventRecall)
	}
}
