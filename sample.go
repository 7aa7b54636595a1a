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
