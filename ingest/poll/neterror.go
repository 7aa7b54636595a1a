package poll

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"syscall"
	"time"
)

// NetError is a request that got no HTTP answer at all: the host did not
// resolve, refused the connection, or said nothing within the timeout. Its
// message is in words; the raw error (a URL, a resolver address, a syscall)
// is Err, for the debug log.
type NetError struct {
	Host   string
	Reason string // "DNS lookup failed", "connection refused", "connection timed out", ...
	Err    error
	msg    string
}

func (e *NetError) Error() string { return e.msg }
func (e *NetError) Unwrap() error { return e.Err }

// netError puts a failed request's error into words. timedOut is the
// request's own deadline passing (not the caller's).
func netError(host string, err error, timedOut bool, timeout time.Duration) *NetError {
	e := &NetError{Host: host, Err: err}
	var dns *net.DNSError
	var errno syscall.Errno
	switch {
	case timedOut:
		e.Reason, e.msg = "connection timed out", "no complete answer within "+timeout.String()+", abandoned"
	case errors.As(err, &dns):
		e.Reason = "DNS lookup failed"
		e.msg = "DNS lookup of " + host + " failed"
		if dns.IsNotFound {
			e.msg += ": no such host"
		}
	case errors.Is(err, syscall.ECONNREFUSED):
		e.Reason, e.msg = "connection refused", host+" refused the connection"
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		e.Reason, e.msg = "connection closed without an answer", host+" closed the connection without an answer"
	case isTLS(err):
		e.Reason, e.msg = "TLS handshake failed", "TLS handshake with "+host+" failed"
	case errors.As(err, &errno):
		e.Reason, e.msg = errno.Error(), errno.Error()+" ("+host+")"
	default:
		e.Reason, e.msg = "network error", "network error reaching "+host
	}
	return e
}

func isTLS(err error) bool {
	var rec tls.RecordHeaderError
	var verify *tls.CertificateVerificationError
	var unknown x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	return errors.As(err, &rec) || errors.As(err, &verify) || errors.As(err, &unknown) ||
		errors.As(err, &hostname) || errors.As(err, &invalid)
}
