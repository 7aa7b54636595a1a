package textmatch

// Unexported rules, for the external tests.
var (
	GeneralStem = generalStem
	CutRussian  = cutRussian
	RawWords    = rawWords
)
