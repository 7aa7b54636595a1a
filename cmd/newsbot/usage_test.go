package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestUsageNamesEverySetting: every environment variable newsbot reads is
// in the usage text, on a line that says what it is.
func TestUsageNamesEverySetting(t *testing.T) {
	read := map[string]bool{}
	getenv := func(k string) string { read[k] = true; return "" }
	LoadConfig(getenv)
	consoleLang(getenv)
	if len(read) < 20 {
		t.Fatalf("only %d settings read: %v", len(read), read)
	}
	for k := range read {
		if !regexp.MustCompile(`(?m)^  .*\b` + k + `\b`).MatchString(usage) {
			t.Errorf("%s is read but not in the usage text", k)
		}
	}
}

// TestArgumentMistakeIsOneLine: a bad argument is said in one line, exit
// status 2; only a missing or unknown command brings the whole usage.
func TestArgumentMistakeIsOneLine(t *testing.T) {
	env := map[string]string{"DATABASE_URL": "postgres://nobody@127.0.0.1:1/x"} // never reached
	tests := []struct {
		args []string
		want string // on stderr
	}{
		{[]string{"search", "since:2025-13-45", "вода"}, "newsbot: search: since: wants a date, YYYY-MM-DD\n"},
		{[]string{"fetch", "--bogus"}, "newsbot: fetch: flag provided but not defined: -bogus\n"},
		{[]string{"frob"}, `newsbot: unknown command "frob"` + "\n" + usage},
		{nil, "newsbot: no command given\n" + usage},
	}
	for _, tt := range tests {
		_, err := runCmd(t, env, "", tt.args...)
		var stderr bytes.Buffer
		if code := exitStatus(err, &stderr); code != 2 || stderr.String() != tt.want {
			t.Errorf("newsbot %s: exit %d, stderr:\n%s\nwant exit 2 and:\n%s", strings.Join(tt.args, " "), code, stderr.String(), tt.want)
		}
	}
}
