package poll

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"time"

	"golang.org/x/net/publicsuffix"
)

// errTooLarge is an answer over the size limit: abandoned, not truncated,
// since a cut document would parse as a shorter one.
var errTooLarge = errors.New("answer too large")

// StatusError is an answer with an unexpected HTTP status.
type StatusError struct {
	Code   int
	Status string
}

func (e *StatusError) Error() string { return "HTTP " + e.Status }

// answer is a whole HTTP answer, read within the limits.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// getter makes requests the way every source needs them: the bot's
// User-Agent, a deadline covering the whole answer, a size limit.
type getter struct {
	client   *http.Client
	log      *slog.Logger
	ua       string
	timeout  time.Duration
	maxBytes int64
}

func newGetter(o Options) *getter {
	// The jar keeps the gov.kz ticket cookie between requests.
	jar, _ := cookiejar.New(&cookiejar.Options{PublicSuffixList: publicsuffix.List})
	if o.Logger == nil { // options not through withDefaults, in tests
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return &getter{
		client:   &http.Client{Jar: jar, Transport: guardedTransport(o), CheckRedirect: checkRedirect},
		log:      o.Logger,
		ua:       o.UserAgent,
		timeout:  o.Timeout,
		maxBytes: o.MaxBytes,
	}
}

// guardedTransport is the default transport dialing through a
// guardedDialer that trusts the hosts of the configured gov.kz base, feeds
// and proxy (see redirects.go).
func guardedTransport(o Options) *http.Transport {
	configured := []string{o.BaseURL}
	for _, f := range o.Feeds {
		configured = append(configured, f.URL)
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	for _, raw := range configured {
		if req, err := http.NewRequest(http.MethodGet, raw, nil); err == nil {
			if proxy, err := t.Proxy(req); err == nil && proxy != nil {
				configured = append(configured, proxy.String())
			}
		}
	}
	t.DialContext = newGuardedDialer(configured...).DialContext
	return t
}

// do sends req and reads its answer whole. A timeout, a too large answer or
// a broken connection is an error; any status is an answer. The pass's
// hosts (in parent) bound the requests in flight to req's host, refuse a
// host found down, and learn from the outcome.
func (g *getter) do(parent context.Context, req *http.Request) (*answer, error) {
	hs, name := hostsOf(parent), req.URL.Host
	h, err := hs.acquire(parent, name)
	if err != nil {
		return nil, err
	}
	defer h.release()
	ctx, cancel := context.WithTimeout(parent, g.timeout)
	defer cancel()
	defer h.abandonWhenDown(cancel)()
	req = req.WithContext(ctx)
	req.Header.Set("User-Agent", g.ua)
	resp, err := g.client.Do(req)
	if err != nil {
		switch {
		case parent.Err() != nil:
			return nil, parent.Err()
		case errors.Is(ctx.Err(), context.Canceled): // abandoned by abandonWhenDown
			return nil, hs.downFor(name)
		case errors.Is(err, errRedirectRefused):
			// The host answered, with a redirect we do not follow. The
			// refusal is told without the url.Error around it, whose
			// target URL may carry a secret in its query.
			hs.answered(h)
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err
			}
			return nil, err
		}
		ne := netError(name, err, ctx.Err() != nil, g.timeout)
		g.log.Debug("Request got no answer", slog.String("url", req.URL.String()),
			slog.String("reason", ne.Reason), slog.String("error", err.Error()))
		hs.failed(h, ne)
		return nil, ne
	}
	hs.answered(h)
	defer resp.Body.Close()
	if resp.ContentLength > g.maxBytes {
		return nil, fmt.Errorf("%w: %d bytes announced, the limit is %d", errTooLarge, resp.ContentLength, g.maxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, g.maxBytes+1))
	if err != nil {
		return nil, g.explain(parent, ctx, fmt.Errorf("reading the answer: %w", err))
	}
	if int64(len(body)) > g.maxBytes {
		return nil, fmt.Errorf("%w: more than %d bytes, abandoned", errTooLarge, g.maxBytes)
	}
	return &answer{status: resp.StatusCode, header: resp.Header, body: body}, nil
}

// explain turns this request's own deadline into words; the caller's end
// (shutdown, the source's time budget) stays the caller's context error.
func (g *getter) explain(parent, ctx context.Context, err error) error {
	if parent.Err() != nil {
		return parent.Err()
	}
	if ctx.Err() != nil {
		return fmt.Errorf("no complete answer within %s, abandoned", g.timeout)
	}
	return err
}

// unexpected is the error for an answer whose status the caller cannot use.
func unexpected(a *answer) error {
	return &StatusError{Code: a.status, Status: fmt.Sprintf("%d %s", a.status, http.StatusText(a.status))}
}

// describeBody names what an answer that is not a feed was, without
// quoting it: an answer can hold anything (a redirect target's secrets, an
// internal page) and the description is stored in sources.last_error,
// which /stats and the log show.
func describeBody(contentType string, b []byte) string {
	if contentType == "" {
		contentType = "no Content-Type"
	}
	kind := ""
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 512)]))
	switch {
	case len(head) == 0:
		kind = ", empty"
	case bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<html")):
		kind = ", an HTML page"
	}
	return fmt.Sprintf("%s, %d bytes%s", contentType, len(b), kind)
}
