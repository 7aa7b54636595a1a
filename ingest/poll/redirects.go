package poll

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"time"

	"golang.org/x/net/publicsuffix"
)

// A source's answer may redirect anywhere, and whatever it redirects to is
// fetched with the bot's network position: an internal admin page, a cloud
// metadata address. So a redirect is followed only
//   - to http(s): no other scheme;
//   - over plain http only within the registrable domain it started on
//     (www.gov.kz → gov.kz), anywhere else only over https;
//   - at most maxRedirects times;
//
// and a connection to any host the operator did not configure is made only
// to a public address, checked after DNS resolution, on the very address
// checked (a name that resolves to a public address and then to a private
// one gains nothing).
const maxRedirects = 5

var errRedirectRefused = errors.New("redirect refused")

// checkRedirect is the client's redirect policy (see above).
func checkRedirect(req *http.Request, via []*http.Request) error {
	to, from := req.URL, via[0].URL
	switch {
	case len(via) > maxRedirects:
		return fmt.Errorf("%w: more than %d redirects", errRedirectRefused, maxRedirects)
	case to.Scheme != "http" && to.Scheme != "https":
		return fmt.Errorf("%w: to %s, not http(s)", errRedirectRefused, to.Scheme)
	case to.Scheme == "http" && registrable(to.Hostname()) != registrable(from.Hostname()):
		return fmt.Errorf("%w: to http://%s, off %s and not https", errRedirectRefused, to.Host, from.Hostname())
	}
	return nil
}

// registrable is a host's registrable domain (gov.kz for www.gov.kz), or
// the host itself when it has none (an address, localhost).
func registrable(host string) string {
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// guardedDialer dials the configured hosts as asked and any other host
// only at a public address.
type guardedDialer struct {
	configured map[string]bool // host:port the operator named
	dialer     *net.Dialer
	resolver   *net.Resolver
}

func newGuardedDialer(configured ...string) *guardedDialer {
	g := &guardedDialer{configured: map[string]bool{},
		dialer:   &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second},
		resolver: net.DefaultResolver}
	for _, raw := range configured {
		if u, err := url.Parse(raw); err == nil && u.Host != "" {
			g.configured[hostPort(u)] = true
		}
	}
	return g
}

// hostPort is u's host with its port, the scheme's when none is written,
// as the transport dials it.
func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	return net.JoinHostPort(u.Hostname(), port)
}

func (g *guardedDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	if g.configured[addr] {
		return g.dialer.DialContext(ctx, network, addr)
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	ips, err := g.resolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil, err
	}
	var last error
	for _, ip := range ips {
		if !isPublic(ip) {
			last = fmt.Errorf("%w: %s is at %s, not a public address", errRedirectRefused, host, ip)
			continue
		}
		conn, err := g.dialer.DialContext(ctx, network, net.JoinHostPort(ip.String(), port))
		if err == nil {
			return conn, nil
		}
		last = err
	}
	if last == nil {
		last = fmt.Errorf("%s has no address", host)
	}
	return nil, last
}

// cgnat is the carrier-grade NAT range, private in all but name.
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// isPublic reports whether ip is an address on the internet: not loopback,
// private, link-local (cloud metadata lives at 169.254.169.254),
// multicast or unspecified.
func isPublic(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsValid() && !ip.IsLoopback() && !ip.IsPrivate() && !ip.IsLinkLocalUnicast() &&
		!ip.IsLinkLocalMulticast() && !ip.IsInterfaceLocalMulticast() && !ip.IsMulticast() &&
		!ip.IsUnspecified() && !cgnat.Contains(ip)
}
