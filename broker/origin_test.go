package broker

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
)

func TestCheckOrigin(t *testing.T) {
	l := newWSListener("ws", "0.0.0.0:1884", nil, []string{"https://intercom.example"})
	l.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, tc := range []struct {
		host, origin string
		want         bool
	}{
		{"door.lan:1884", "", true},                           // not a browser
		{"door.lan:1884", "http://door.lan:8080", true},       // the station's own page
		{"door.lan:1884", "https://DOOR.lan", true},           // same host, default port
		{"192.168.1.5:1884", "http://192.168.1.5:8080", true}, // opened by address
		{"[fd00::5]:1884", "http://[fd00::5]:8080", true},
		{"door.lan:1884", "http://127.0.0.1:8080", true},     // loopback pages
		{"door.lan:1884", "https://intercom.example", true},  // configured
		{"door.lan:1884", "http://evil.example:8080", false}, // a foreign page
		{"door.lan:1884", "http://door.lan.evil.example", false},
		{"door.lan:1884", "::not a url", false},
	} {
		r := httptest.NewRequest("GET", "http://"+tc.host+"/mqtt", nil)
		r.Host = tc.host
		if tc.origin != "" {
			r.Header.Set("Origin", tc.origin)
		}
		if got := l.checkOrigin(r); got != tc.want {
			t.Errorf("Host %s, Origin %q: allowed=%v, want %v", tc.host, tc.origin, got, tc.want)
		}
	}
}
