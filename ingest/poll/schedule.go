package poll

import "time"

const (
	// maxBackoff caps the wait after failures: a source broken for days is
	// still tried four times a day, and found soon after it recovers.
	maxBackoff = 6 * time.Hour
	// reportAfter is how long a source fails before it is reported (once).
	reportAfter = 24 * time.Hour
	// jitterFraction spreads polls by ±10%, so that the sources added
	// together (all of them, at the first start) do not stay in lockstep and
	// hit gov.kz in bursts.
	jitterFraction = 0.1
)

// jittered is d spread by ±jitterFraction; r is uniform in [0, 1).
func jittered(d time.Duration, r float64) time.Duration {
	return time.Duration(float64(d) * (1 - jitterFraction + 2*jitterFraction*r))
}

// backoff is the wait after the failures-th failure in a row: the interval,
// doubling with each further failure, jittered, at most maxBackoff.
func backoff(interval time.Duration, failures int, r float64) time.Duration {
	d := interval
	for i := 1; i < failures && d < maxBackoff; i++ {
		d *= 2
	}
	return min(jittered(d, r), maxBackoff)
}
