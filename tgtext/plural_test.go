package tgtext

import "testing"

func TestRussianPluralForms(t *testing.T) {
	for n, want := range map[int]string{
		0: "many", 1: "one", 2: "few", 4: "few", 5: "many", 11: "many", 12: "many", 14: "many",
		20: "many", 21: "one", 22: "few", 25: "many", 101: "one", 111: "many", 112: "many", 1004: "few",
	} {
		if got := ruPlural(n, "one", "few", "many"); got != want {
			t.Errorf("ruPlural(%d) = %s, want %s", n, got, want)
		}
	}
}

func TestMoreLineInEachLanguage(t *testing.T) {
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "…and 1 more release — /latest"},
		{"en", 7, "…and 7 more releases — /latest"},
		{"ru", 1, "…и ещё 1 новость — /latest"},
		{"ru", 3, "…и ещё 3 новости — /latest"},
		{"ru", 11, "…и ещё 11 новостей — /latest"},
		{"ru", 21, "…и ещё 21 новость — /latest"},
		{"kk", 1, "…тағы 1 жаңалық — /latest"},
		{"kk", 5, "…тағы 5 жаңалық — /latest"},
	}
	for _, tt := range tests {
		if got := MoreReleases(tt.lang, tt.n); got != tt.want {
			t.Errorf("MoreReleases(%s, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
	if got := NewReleases("ru", 22); got != "22 новости по вашим подпискам" {
		t.Errorf("NewReleases(ru, 22) = %q", got)
	}
}
