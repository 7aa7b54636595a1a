package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
)

// testToken is the token every serve test runs with; logs must never hold it.
const testToken = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"

// logBuffer collects a process's log output; safe for concurrent writes.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// served is "newsbot serve" running in this process.
type served struct {
	log  *logBuffer
	stop context.CancelFunc
	done chan error
	once sync.Once
}

// startServe runs serve in-process with env; the test stops it at the end
// (or earlier with stopServe).
func startServe(t *testing.T, env map[string]string) *served {
	t.Helper()
	ctx, stop := context.WithCancel(context.Background())
	s := &served{log: &logBuffer{}, stop: stop, done: make(chan error, 1)}
	go func() {
		s.done <- run(ctx, []string{"serve"}, func(k string) string { return env[k] },
			strings.NewReader(""), io.Discard, s.log)
	}()
	t.Cleanup(func() { s.stopServe(t) })
	return s
}

func (s *served) stopServe(t *testing.T) {
	t.Helper()
	s.once.Do(func() {
		s.stop()
		select {
		case err := <-s.done:
			if err != nil {
				t.Errorf("serve returned %v", err)
			}
		case <-time.After(60 * time.Second):
			t.Error("serve did not stop within a minute of its context ending")
		}
	})
}

// waitFor polls cond until it holds; bounded generously, so that a slow
// machine is slow rather than failing.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// status GETs url and returns its status code, 0 when nothing answers.
func status(url string) int {
	c := http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

var metricLine = regexp.MustCompile(`(?m)^([a-z_]+(?:\{[^}]*\})?) ([0-9.e+-]+)$`)

// metric reads one sample from the /metrics of addr; -1 when unreadable.
func metric(addr, name string) float64 {
	c := http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get("http://" + addr + "/metrics")
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	for _, m := range metricLine.FindAllStringSubmatch(string(body), -1) {
		if m[1] == name {
			v, _ := strconv.ParseFloat(m[2], 64)
			return v
		}
	}
	return -1
}

// textUpdate is the update Telegram sends for text from the user of a
// private chat, with the bot_command entity of a leading command.
func textUpdate(id, chat int64, lang, text string) *models.Update {
	m := &models.Message{ID: int(id), Date: int(time.Now().Unix()), Text: text,
		Chat: models.Chat{ID: chat, Type: models.ChatTypePrivate},
		From: &models.User{ID: chat, FirstName: "Test", LanguageCode: lang}}
	if strings.HasPrefix(text, "/") {
		n := len(strings.Fields(text)[0])
		m.Entities = []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Length: n}}
	}
	return &models.Update{ID: id, Message: m}
}

// deliver posts an update to a webhook as Telegram does and returns the
// status code (0 when nothing answers).
func deliver(url, secret string, upd *models.Update) int {
	body, _ := json.Marshal(upd)
	return post(url, secret, body)
}

func post(url, secret string, body []byte) int {
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set(secretHeader, secret)
	}
	resp, err := (&http.Client{Timeout: 60 * time.Second}).Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// buildBinary builds newsbot into a temporary directory, for tests that
// kill it or run two of it.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "newsbot")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// proc is newsbot running as a subprocess, its stderr and stdout collected.
type proc struct {
	cmd *exec.Cmd
	log *logBuffer
}

func startProc(t *testing.T, bin string, env map[string]string, args ...string) *proc {
	t.Helper()
	p := &proc{cmd: exec.Command(bin, args...), log: &logBuffer{}}
	for _, kv := range os.Environ() { // the shell's own newsbot settings stay out
		if k, _, _ := strings.Cut(kv, "="); !strings.HasPrefix(k, "TELEGRAM_") && k != "DATABASE_URL" &&
			k != "HTTP_ADDR" && k != "ADMIN_CHAT_IDS" && !strings.HasPrefix(k, "POLL") {
			p.cmd.Env = append(p.cmd.Env, kv)
		}
	}
	for k, v := range env {
		p.cmd.Env = append(p.cmd.Env, k+"="+v)
	}
	p.cmd.Stdout, p.cmd.Stderr = p.log, p.log
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			p.cmd.Process.Kill()
			p.cmd.Wait()
		}
	})
	return p
}

// kill sends SIGKILL: no deferred function, no graceful stop.
func (p *proc) kill(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	p.cmd.Wait()
}

func (p *proc) String() string { return fmt.Sprintf("newsbot %v", p.cmd.Args[1:]) }
