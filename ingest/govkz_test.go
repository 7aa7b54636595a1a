package ingest

import "testing"

func TestParseGovkzURL(t *testing.T) {
	const canon = "https://www.gov.kz/memleket/entities/mfa/press/news/details/1112459"
	tests := []struct {
		raw  string
		want GovkzRef
		ok   bool
	}{
		{"https://www.gov.kz/memleket/entities/mfa/press/news/details/1112459?lang=kk", GovkzRef{"mfa", 1112459, canon}, true},
		{"https://www.gov.kz/memleket/entities/mfa/press/news/details/1112459?lang=ru", GovkzRef{"mfa", 1112459, canon}, true},
		{"https://www.gov.kz/memleket/entities/mfa/press/news/details/1112459", GovkzRef{"mfa", 1112459, canon}, true},
		{"http://gov.kz/memleket/entities/mfa/press/news/details/1112459/", GovkzRef{"mfa", 1112459, canon}, true},
		{"https://WWW.GOV.KZ/memleket/entities/MFA/press/news/details/1112459?utm_source=tg&lang=en#top", GovkzRef{"mfa", 1112459, canon}, true},
		{"  www.gov.kz/memleket/entities/mfa/press/news/details/1112459  ", GovkzRef{"mfa", 1112459, canon}, true},
		{"https://www.gov.kz/memleket/entities/kyzylorda-kazaly-kolaryq/press/news/details/1112329?lang=kk",
			GovkzRef{"kyzylorda-kazaly-kolaryq", 1112329, "https://www.gov.kz/memleket/entities/kyzylorda-kazaly-kolaryq/press/news/details/1112329"}, true},
		{"https://www.gov.kz/memleket/entities/mfa/press/news/details/0", GovkzRef{}, false},
		{"https://www.gov.kz/memleket/entities/mfa/press/news/details/+12", GovkzRef{}, false},
		{"https://www.gov.kz/memleket/entities/mfa/press/news/details/12abc", GovkzRef{}, false},
		{"https://www.gov.kz/memleket/entities/mfa/press/article/details/12", GovkzRef{}, false},
		{"https://www.gov.kz/memleket/entities/mfa/press/news", GovkzRef{}, false},
		{"https://www.gov.kz/memleket/entities/m%20fa/press/news/details/12", GovkzRef{}, false},
		{"https://www.gov.kz.evil.example/memleket/entities/mfa/press/news/details/12", GovkzRef{}, false},
		{"https://www.gov.kz:8443/memleket/entities/mfa/press/news/details/12", GovkzRef{}, false},
		{"ftp://www.gov.kz/memleket/entities/mfa/press/news/details/12", GovkzRef{}, false},
		{"https://www.enbekshiqazaq.kz/en/news/123", GovkzRef{}, false},
		{"not a url", GovkzRef{}, false},
		{"", GovkzRef{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseGovkzURL(tt.raw)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseGovkzURL(%q) = %+v, %v; want %+v, %v", tt.raw, got, ok, tt.want, tt.ok)
		}
	}
}
