package main

import (
	"bufio"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/newsbot-kz/newsbot/internal/fakebotapi"
	"github.com/newsbot-kz/newsbot/internal/testdb"
)

// hostileProxy answers some Bot API calls the worst ways a broken proxy or
// server can, quoting the request path, which holds the token, back to the
// client: an HTML error page, JSON errors, a dropped connection.
func hostileProxy(t *testing.T, fake *fakebotapi.Server) *httptest.Server {
	var mu sync.Mutex
	polls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := r.URL.Path
		method := path[strings.LastIndexByte(path, '/')+1:]
		switch method {
		case "deleteWebhook":
			if hj, ok := w.(http.Hijacker); ok {
				conn, _, _ := hj.Hijack()
				conn.Close()
				return
			}
		case "getUpdates":
			mu.Lock()
			polls++
			n := polls
			mu.Unlock()
			if n <= 3 {
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(http.StatusBadGateway)
				w.Write([]byte("<html><body>502 Bad Gateway: upstream failed for " + path + "</body></html>"))
				return
			}
		case "setMyCommands":
			w.WriteHeader(http.StatusInternalServerError)
			w.Write([]byte(`{"ok":false,"error_code":500,"description":"Internal error at ` + path + `"}`))
			return
		case "sendMessage":
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte(`{"ok":false,"error_code":400,"description":"Bad Request: no route ` + path + `"}`))
			return
		}
		fake.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// TestTokenNeverLogged runs serve as a process against a Bot API that
// fails in every way that makes the library and newsbot log errors, captures
// all it writes, and proves that the token appears nowhere; and that every
// line is JSON (stderr is not a terminal) with snake_case attributes.
func TestTokenNeverLogged(t *testing.T) {
	bin := buildBinary(t)
	fake := fakebotapi.New(fakebotapi.WithPollWait(100 * time.Millisecond))
	t.Cleanup(fake.Close)
	dbURL := testdb.URL(t)
	if _, err := runCmd(t, map[string]string{"DATABASE_URL": dbURL}, "", "migrate"); err != nil {
		t.Fatal(err)
	}
	db := sqlx.MustOpen("postgres", dbURL)
	defer db.Close()
	// A digest part waiting to be sent, so the sender meets the errors too.
	db.MustExec(`INSERT INTO chats (id) VALUES (66);
		INSERT INTO digests (chat_id, from_seq, to_seq, items, parts) VALUES (66, 0, 0, 1, 1);
		INSERT INTO outbox (digest_id, chat_id, part, text) SELECT id, 66, 1, 'digest' FROM digests`)
	p := startProc(t, bin, map[string]string{"DATABASE_URL": dbURL, "TELEGRAM_BOT_TOKEN": testToken,
		"TELEGRAM_API_URL": hostileProxy(t, fake).URL, "HTTP_ADDR": freeAddr(t),
		"POLLER_RETRY": "300ms", "POLL_INTERVAL": "off"}, "serve")
	fake.SendText(67, fakebotapi.User{ID: 67, LanguageCode: "en"}, "/start")
	wants := []string{"Telegram client error", "Could not remove the webhook", "Could not register the command menu",
		"Telegram refused a digest part", "Could not send a message"}
	waitFor(t, "every failure is logged", func() bool {
		out := p.log.String()
		for _, w := range wants {
			if !strings.Contains(out, `"msg":"`+w) {
				return false
			}
		}
		return true
	})
	p.cmd.Process.Signal(syscall.SIGTERM)
	if err := p.cmd.Wait(); err != nil {
		t.Errorf("serve after SIGTERM: %v", err)
	}

	out := p.log.String()
	_, secretHalf, _ := strings.Cut(testToken, ":")
	if strings.Contains(out, secretHalf) {
		t.Errorf("the token appears in the log:\n%s", out)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Errorf("not a JSON log line: %s", sc.Text())
			continue
		}
		checkKeys(t, rec, sc.Text())
	}
}

func checkKeys(t *testing.T, rec map[string]any, line string) {
	t.Helper()
	for k, v := range rec {
		if !snakeCase.MatchString(k) {
			t.Errorf("attribute %q is not snake_case in %s", k, line)
		}
		if group, ok := v.(map[string]any); ok {
			checkKeys(t, group, line)
		}
	}
}
