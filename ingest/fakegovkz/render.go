package fakegovkz

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strconv"
	"time"
)

// almaty is Kazakhstan's UTC+5, in which gov.kz dates its RSS items.
var almaty = time.FixedZone("+05", 5*3600)

// ReleaseURL is the page of a release, as gov.kz links it.
func ReleaseURL(entity string, id int64, lang string) string {
	return fmt.Sprintf("https://www.gov.kz/memleket/entities/%s/press/news/details/%d?lang=%s", entity, id, lang)
}

func renderRSS(entity, lang string, news []News) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<rss version="2.0"><channel>`)
	fmt.Fprintf(&b, "<title>%s</title><link>https://www.gov.kz/memleket/entities/%s</link><language>%s</language>",
		esc(entity), esc(entity), esc(lang))
	for _, n := range news {
		fmt.Fprintf(&b, "\n<item><title>%s</title><link>%s</link><description>%s</description>"+
			"<pubDate>%s</pubDate><guid isPermaLink=\"false\">%d</guid></item>",
			esc(n.Title), esc(ReleaseURL(entity, n.ID, lang)), esc(n.Body),
			n.Created.In(almaty).Format(time.RFC1123Z), n.ID)
	}
	b.WriteString("\n</channel></rss>\n")
	return b.Bytes()
}

func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

type jsonNews struct {
	ID               int64  `json:"id"`
	Title            string `json:"title"`
	Slug             string `json:"slug"`
	Body             string `json:"body"`
	ShortDescription string `json:"short_description"`
	CreatedDate      string `json:"created_date"`
	Heropic          string `json:"heropic"`
}

func renderJSON(entity string, news []News) []byte {
	out := make([]jsonNews, len(news))
	for i, n := range news {
		out[i] = jsonNews{
			ID: n.ID, Title: n.Title, Slug: entity + "-" + strconv.FormatInt(n.ID, 10), Body: n.Body,
			CreatedDate: n.Created.UTC().Format("2006-01-02T15:04:05Z"),
			Heropic:     "/uploads/" + strconv.FormatInt(n.ID, 10) + ".jpg",
		}
	}
	b, _ := json.Marshal(out)
	return b
}
