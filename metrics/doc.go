// Package metrics owns what newsbot exposes to Prometheus: the counters,
// gauges and histograms the bot, the digest and the source poller feed, on a
// registry of their own (no global state), served by Handler on /metrics.
//
// Every method is safe on a nil *Metrics, so a part built without metrics
// (a test, the console) needs no special case.
package metrics
