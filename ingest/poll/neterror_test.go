package poll

import (
	"context"
	"net"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestNetErrorInWords(t *testing.T) {
	dial := func(err error) error {
		return &url.Error{Op: "Get", URL: "https://www.gov.kz/api/v1/public/rss/shymkent/news/kk",
			Err: &net.OpError{Op: "dial", Net: "tcp", Err: err}}
	}
	tests := []struct {
		err      error
		timedOut bool
		reason   string
		msg      string
	}{
		{dial(&net.DNSError{Err: "no such host", Name: "www.gov.kz", Server: "10.0.0.1:53", IsNotFound: true}), false,
			"DNS lookup failed", "DNS lookup of www.gov.kz failed: no such host"},
		{dial(os.NewSyscallError("connect", syscall.ECONNREFUSED)), false,
			"connection refused", "www.gov.kz refused the connection"},
		{dial(os.NewSyscallError("connect", syscall.ENETUNREACH)), false,
			"network is unreachable", "network is unreachable (www.gov.kz)"},
		{&url.Error{Op: "Get", URL: "https://www.gov.kz/", Err: context.DeadlineExceeded}, true,
			"connection timed out", "no complete answer within 30s, abandoned"},
	}
	for _, tt := range tests {
		e := netError("www.gov.kz", tt.err, tt.timedOut, 30*time.Second)
		if e.Reason != tt.reason || e.Error() != tt.msg {
			t.Errorf("netError(%v) = %q, %q; want %q, %q", tt.err, e.Reason, e.Error(), tt.reason, tt.msg)
		}
		if strings.Contains(e.Error(), "dial tcp") || strings.Contains(e.Error(), "10.0.0.1") {
			t.Errorf("%q shows the raw error", e.Error())
		}
	}
}

// TestHostIsDownOnlyBeforeAnyAnswer: failures after an answer are the
// sources' own, not the host's.
func TestHostIsDownOnlyBeforeAnyAnswer(t *testing.T) {
	ne := &NetError{Reason: "connection timed out"}
	hs := newHosts()
	up, down := hs.get("up.example"), hs.get("down.example")
	hs.answered(up)
	for range downAfter {
		hs.failed(up, ne)
		if hs.downFor("down.example") != nil {
			t.Fatal("down.example is down before its third failure")
		}
		hs.failed(down, ne)
	}
	if d := hs.downFor("up.example"); d != nil {
		t.Errorf("up.example, which answered, is down: %v", d)
	}
	d := hs.downFor("down.example")
	if d == nil || d.Error() != "down.example unreachable: connection timed out" {
		t.Errorf("down.example is %v, want unreachable: connection timed out", d)
	}
	if _, err := hs.acquire(context.Background(), "down.example"); err != d {
		t.Errorf("acquire on a down host = %v, want its HostDown", err)
	}
}
