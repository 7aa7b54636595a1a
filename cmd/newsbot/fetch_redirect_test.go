package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/testdb"
)

// An operator's feed that turns hostile, redirecting into the bot's own
// network, gets a refusal in fetch's line and in sources status, and the
// internal server is never asked, let alone quoted.
func TestFetchRefusesAFeedRedirectingIntoTheNetwork(t *testing.T) {
	var asked atomic.Int32
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		w.Write([]byte("root-password=hunter2"))
	}))
	defer internal.Close()
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, internal.URL+"/secret", http.StatusFound)
	}))
	defer feed.Close()
	env := map[string]string{"DATABASE_URL": testdb.URL(t), "GOVKZ_BASE_URL": "http://127.0.0.1:1",
		"POLL_ENTITIES": "none", "FEEDS": "shymkent=" + feed.URL + "/rss"}
	out, err := runCmd(t, env, "", "fetch")
	if err == nil {
		t.Errorf("fetch succeeded on a refused redirect:\n%s", out)
	}
	if !strings.Contains(out, "redirect refused") || !strings.Contains(out, "not a public address") {
		t.Errorf("fetch does not say the redirect was refused:\n%s", out)
	}
	status, _ := runCmd(t, env, "", "sources", "status")
	if !strings.Contains(status, "redirect refused") {
		t.Errorf("sources status does not show the refusal:\n%s", status)
	}
	if n := asked.Load(); n != 0 || strings.Contains(out+status, "hunter2") {
		t.Errorf("the internal server was asked %d times; output:\n%s\n%s", n, out, status)
	}
}
