package store

// OneRoundTrip exposes oneRoundTrip to the tests.
var OneRoundTrip = oneRoundTrip
