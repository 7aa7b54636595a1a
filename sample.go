// Package newsbot holds the data bundled with the binary: the sample releases
// that the console loads into an empty database so a newcomer sees real news.
// The code lives in the subpackages (see README.md).
package newsbot

import _ "embed"

// SamplePage is one real Enbekshi QazaQ listing page (20 releases of
// 25–26 November 2025), the same file the tests use.
//
//go:embed testdata/enbekshi-news-2025-11-26.txt
var SamplePage []byte

// SampleName is the file name SamplePage is reported under.
const SampleName = "enbekshi-news-2025-11-26.txt"

// SampleSources files, by title, the sample's releases that the page lists
// without a Source line: both are the Akimat of Shymkent's (their text is
// about the city's Abay district and its akim, and the page groups them with
// the city's news). The console applies it when it loads the sample.
var SampleSources = map[string]string{
	"Kyzylzhar-2 microdistrict in Shymkent has been connected to a full-fledged engineering infrastructure": "shymkent",
	"From deficit to development": "shymkent",
}
