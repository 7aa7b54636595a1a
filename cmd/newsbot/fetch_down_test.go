package main

import (
	"bufio"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsbot-kz/newsbot/ingest/fakegovkz"
	"github.com/newsbot-kz/newsbot/internal/testdb"
)

// streamed is a run of the built binary whose stdout was read line by line
// as it came.
type streamed struct {
	lines []string
	at    []time.Time // when each line was read
	took  time.Duration
	exit  time.Time
	out   string // stdout and stderr
	err   error
}

// runStreaming runs the binary with env (and the shell's environment less
// newsbot's own settings), reading its stdout as it writes it.
func runStreaming(t *testing.T, bin string, env map[string]string, args ...string) streamed {
	t.Helper()
	cmd := exec.Command(bin, args...)
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); !strings.HasPrefix(k, "TELEGRAM_") && k != "DATABASE_URL" &&
			!strings.HasPrefix(k, "POLL") && !strings.HasPrefix(k, "GOVKZ") && !strings.HasPrefix(k, "FEEDS") &&
			k != "FETCH_TIMEOUT" {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr logBuffer
	cmd.Stderr = &stderr
	var s streamed
	var mu sync.Mutex
	var all strings.Builder
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		mu.Lock()
		s.lines = append(s.lines, sc.Text())
		s.at = append(s.at, time.Now())
		all.WriteString(sc.Text() + "\n")
		mu.Unlock()
	}
	s.err = cmd.Wait()
	s.exit = time.Now()
	s.took = s.exit.Sub(start)
	s.out = all.String() + stderr.String()
	return s
}

// TestFetchGivesUpOnASilentGovkz is the done-when: against a gov.kz
// that accepts connections and never answers, "newsbot fetch" of every
// default source finishes within 3 × FETCH_TIMEOUT, a line per source, and
// says in words what happened.
func TestFetchGivesUpOnASilentGovkz(t *testing.T) {
	silent, err := fakegovkz.NewSilent()
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	bin := buildBinary(t)
	const timeout = time.Second
	env := map[string]string{"DATABASE_URL": testdb.URL(t), "GOVKZ_BASE_URL": silent.URL(), "FETCH_TIMEOUT": timeout.String()}
	if s := runStreaming(t, bin, env, "migrate"); s.err != nil { // so that the fetch's time is its own
		t.Fatalf("migrate: %v\n%s", s.err, s.out)
	}

	s := runStreaming(t, bin, env, "fetch")
	t.Logf("fetch of every default source took %s (FETCH_TIMEOUT=%s)", s.took, timeout)
	if s.took > 3*timeout+5*time.Second {
		t.Errorf("fetch took %s, want within 3 × FETCH_TIMEOUT (and time to start)", s.took)
	}
	if ee, ok := s.err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Errorf("fetch exited with %v, want exit status 1 (sources failed or skipped)", s.err)
	}
	host := strings.TrimPrefix(silent.URL(), "http://")
	sourceLine := regexp.MustCompile(`^[a-z0-9-]+/(kk|ru)\s`)
	var failed, skipped int
	for _, l := range s.lines {
		switch {
		case !sourceLine.MatchString(l):
		case strings.Contains(l, "skipped: "+host+" unreachable: connection timed out"):
			skipped++
		case strings.Contains(l, "error: rss: no complete answer within 1s"):
			failed++
		default:
			t.Errorf("line %q: want a failure or a skip", l)
		}
	}
	sources := 2 * (4 + count(t, env["DATABASE_URL"], `SELECT count(*) FROM entities WHERE kind = 'embassy' AND NOT slug_inferred`))
	if failed+skipped != sources {
		t.Errorf("%d failed and %d skipped, want a line for each of the %d default sources:\n%s", failed, skipped, sources, s.out)
	}
	if failed == 0 || failed > 6 {
		t.Errorf("%d sources were tried, want a few (four at once)", failed)
	}
	summary := host + " unreachable: connection timed out — " + strconv.Itoa(skipped) + " sources skipped"
	if !strings.Contains(s.out, summary) {
		t.Errorf("output does not say %q:\n%s", summary, s.out)
	}
	if strings.Contains(s.out, "dial tcp") || strings.Contains(s.out, "context deadline exceeded") {
		t.Errorf("output shows raw Go errors:\n%s", s.out)
	}
	if n := count(t, env["DATABASE_URL"], `SELECT count(*) FROM sources WHERE enabled AND last_poll_at IS NULL
		AND next_poll_at <= now() AND lease_token IS NULL`); n != skipped {
		t.Errorf("%d sources untouched and still due, want the %d skipped", n, skipped)
	}
}

// TestFetchPrintsEachSourceAsItFinishes: the line of a source that answers
// at once is out long before a hanging one gives up.
func TestFetchPrintsEachSourceAsItFinishes(t *testing.T) {
	fake := fakeGovkz(t)
	fake.SetFault("", "mfa-budapest", fakegovkz.Hang) // RSS, then the API: two timeouts
	bin := buildBinary(t)
	env := map[string]string{"DATABASE_URL": testdb.URL(t), "GOVKZ_BASE_URL": fake.URL(), "FETCH_TIMEOUT": "1s"}
	s := runStreaming(t, bin, env, "fetch", "--entity", "shymkent", "--entity", "mfa-budapest")
	if len(s.lines) == 0 {
		t.Fatalf("fetch printed nothing:\n%s", s.out)
	}
	if !strings.HasPrefix(s.lines[0], "shymkent/") {
		t.Errorf("first line %q, want a Shymkent source's (the one that answers)", s.lines[0])
	}
	if early := s.exit.Sub(s.at[0]); early < time.Second {
		t.Errorf("the first line came %s before the end, want it as soon as its source was done:\n%s", early, s.out)
	}
	line(t, s.out, "mfa-budapest/kk", "no complete answer within 1s")
	line(t, s.out, "shymkent/kk", "2 new")
}

// count runs a count query on the database at url.
func count(t *testing.T, url, query string) int {
	t.Helper()
	st, err := openStore(t.Context(), LoadConfig(func(k string) string { return map[string]string{"DATABASE_URL": url}[k] }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n int
	if err := st.DB().Get(&n, query); err != nil {
		t.Fatal(err)
	}
	return n
}
