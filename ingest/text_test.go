package ingest

import (
	"strings"
	"testing"
)

func TestCleanTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Plain   title ", "Plain title"},
		{"*Kyzylzhar-2 microdistrict*", "Kyzylzhar-2 microdistrict"},
		{"** Double **", "Double"},
		{"*half", "*half"},
		{"-", ""},
		{" — ", ""},
		{"...", ""},
		{"*", ""},
		{"", ""},
		{"2025", "2025"},
		{"Line\nbreak", "Line break"},
	}
	for _, tt := range tests {
		if got := CleanTitle(tt.in); got != tt.want {
			t.Errorf("CleanTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDisplayTitle(t *testing.T) {
	long := strings.Repeat("word ", 40) // 200 characters, no sentence end
	tests := []struct{ name, body, want string }{
		{"first sentence", "The akim met residents. They discussed roads.", "The akim met residents"},
		{"question kept", "Why now? Because.", "Why now?"},
		{"abbreviation with a number", "School No. 190 hosted a contest. More.", "School No. 190 hosted a contest"},
		{"first paragraph only", "Short note\n\nSecond paragraph.", "Short note"},
		{"cut at a word", long, strings.TrimSpace(strings.Repeat("word ", 24)) + "…"},
		{"one long word", strings.Repeat("x", 200), strings.Repeat("x", 119) + "…"},
		{"list dash dropped", "— The akim met residents. More.", "The akim met residents"},
		{"opening quote kept", "- «Ak Zhol» opened. More.", "«Ak Zhol» opened"},
		{"punctuation first sentence", "!!! Roads repaired.", "Roads repaired"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DisplayTitle(tt.body)
			if got != tt.want {
				t.Errorf("DisplayTitle(%.30q…) = %q, want %q", tt.body, got, tt.want)
			}
			if n := len([]rune(got)); n > maxDisplayTitle {
				t.Errorf("%d characters, want at most %d", n, maxDisplayTitle)
			}
		})
	}
}

func TestDetectLang(t *testing.T) {
	tests := []struct{ name, title, body, want string }{
		{"kazakh cyrillic", "", "Шымкент қаласында жаңа мектеп ашылды", "kk"},
		{"russian", "", "В Шымкенте открылась новая школа", "ru"},
		{"russian with a kazakh name", "", "Посол встретился с Әлиханом Бөкейхановым в рамках визита делегации в столицу республики", "ru"},
		{"english", "", "A new school opened in Shymkent", "en"},
		{"kazakh latin", "", "Şymkent qalasynda jaña mektep aşyldy", "kk"},
		{"short kazakh title", "Шымкентте жаңа жол салынды", "", "kk"},
		{"kazakh headline in capitals", "ЗАҢ ЖӘНЕ ТӘРТІП", "", "kk"},
		{"russian text full of kazakh names", "", "Аким Әбдіқадыр Өмірбеков и Ұлжан Қасымова посетили Шұбаркөл", "ru"},
		{"english with a german name", "", "The delegation visited Düsseldorf and met business leaders of the region", "en"},
		{"body wins over title", "Burlin District parameters considered", "Рассмотрены параметры района", "ru"},
		{"title when body has no letters", "Қазақстан", "2025 — 24/7", "kk"},
		{"no text", "", "", ""},
		{"digits only", "2025", "", ""},
	}
	for _, tt := range tests {
		if got := DetectLang(tt.title, tt.body); got != tt.want {
			t.Errorf("%s: DetectLang = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestContentHash(t *testing.T) {
	base := ContentHash("Title", "Body text here")
	tests := []struct {
		name, title, body string
		same              bool
	}{
		{"case and whitespace", "  TITLE ", "Body\n\ntext   here", true},
		{"different body", "Title", "Body text there", false},
		{"title and body boundary", "TitleBody", "text here", false},
		{"kazakh і is not и", "Tіtle", "Body text here", false},
	}
	for _, tt := range tests {
		got := ContentHash(tt.title, tt.body)
		if len(got) != 64 || strings.Trim(got, "0123456789abcdef") != "" {
			t.Errorf("%s: hash %q is not 64 hex digits", tt.name, got)
		}
		if (got == base) != tt.same {
			t.Errorf("%s: same hash = %v, want %v", tt.name, got == base, tt.same)
		}
	}
}
