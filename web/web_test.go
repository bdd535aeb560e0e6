package web

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func get(t *testing.T, h http.Handler, method, target string, hdr map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, r *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestServesPageAndSDK(t *testing.T) {
	h := Handler()
	tests := []struct {
		path, contentType, contains string
	}{
		{"/", "text/html; charset=utf-8", "<title>intercom</title>"},
		{"/index.html", "text/html; charset=utf-8", `<script type="module" src="app.js">`},
		{"/app.js", "text/javascript; charset=utf-8", "from './dist/intercom.js'"},
		{"/style.css", "text/css; charset=utf-8", ".stage"},
		{"/favicon.svg", "image/svg+xml", "<svg"},
		{"/dist/intercom.js", "text/javascript; charset=utf-8", "IntercomClient"},
		{"/dist/intercom.d.ts", "text/plain; charset=utf-8", "./types/index.js"},
		{"/dist/types/client.d.ts", "text/plain; charset=utf-8", "makeCall"},
		{"/config.json", "application/json", `"defaultChannel":"home"`},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := get(t, h, http.MethodGet, tt.path, nil)
			if r.StatusCode != http.StatusOK {
				t.Fatalf("status %d, want 200", r.StatusCode)
			}
			if got := r.Header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type %q, want %q", got, tt.contentType)
			}
			if got := r.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q, want nosniff", got)
			}
			if b := body(t, r); !strings.Contains(b, tt.contains) {
				t.Errorf("body lacks %q", tt.contains)
			}
		})
	}
}

func TestPageHeaders(t *testing.T) {
	r := get(t, Handler(), http.MethodGet, "/", nil)
	csp := r.Header.Get("Content-Security-Policy")
	for _, want := range []string{"script-src 'self'", "worker-src 'self' blob:", "connect-src 'self' ws: wss:", "media-src 'self' blob: mediastream:"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if got := r.Header.Get("Permissions-Policy"); !strings.Contains(got, "microphone=(self)") {
		t.Errorf("Permissions-Policy %q", got)
	}
}

func TestNoListingNoTraversal(t *testing.T) {
	h := Handler()
	for _, p := range []string{"/dist/", "/dist", "/dist/types/", "/page/", "/page/index.html", "/web.go", "/../web.go", "/sdk/src/client.ts", "/nope", "/package.json"} {
		if r := get(t, h, http.MethodGet, p, nil); r.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", p, r.StatusCode)
		}
	}
}

func TestMethods(t *testing.T) {
	h := Handler()
	r := get(t, h, http.MethodPost, "/", nil)
	if r.StatusCode != http.StatusMethodNotAllowed || r.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /: status %d Allow %q, want 405 and GET, HEAD", r.StatusCode, r.Header.Get("Allow"))
	}
	r = get(t, h, http.MethodHead, "/dist/intercom.js", nil)
	if r.StatusCode != http.StatusOK || body(t, r) != "" {
		t.Errorf("HEAD: status %d, want 200 without body", r.StatusCode)
	}
}

func TestETagRevalidation(t *testing.T) {
	h := Handler()
	r := get(t, h, http.MethodGet, "/dist/intercom.js", nil)
	etag := r.Header.Get("ETag")
	if etag == "" || r.Header.Get("Cache-Control") != "no-cache" {
		t.Fatalf("ETag %q Cache-Control %q", etag, r.Header.Get("Cache-Control"))
	}
	r = get(t, h, http.MethodGet, "/dist/intercom.js", map[string]string{"If-None-Match": etag})
	if r.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: status %d, want 304", r.StatusCode)
	}
}

func TestConfigJSON(t *testing.T) {
	tests := []struct {
		name string
		h    http.Handler
		want PageConfig
	}{
		{"defaults", Handler(), PageConfig{DefaultChannel: "home", Stations: []string{}}},
		{"configured", HandlerWithConfig(PageConfig{BrokerURL: "wss://door.local:1884", DefaultChannel: "flat", Stations: []string{"door", "gate"}}),
			PageConfig{BrokerURL: "wss://door.local:1884", DefaultChannel: "flat", Stations: []string{"door", "gate"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := get(t, tt.h, http.MethodGet, "/config.json", nil)
			raw := body(t, r)
			var got PageConfig
			if err := json.Unmarshal([]byte(raw), &got); err != nil {
				t.Fatalf("%s: %v", raw, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			// The page reads these exact keys.
			for _, k := range []string{`"brokerUrl"`, `"defaultChannel"`, `"stations"`} {
				if !strings.Contains(raw, k) {
					t.Errorf("%s lacks %s", raw, k)
				}
			}
		})
	}
}

// TestConfigJSONSigning pins the JSON the page's signing code reads: the
// "signing" object is absent when the station signs nothing, and otherwise
// carries require and trusted[{user, device, key}].
func TestConfigJSONSigning(t *testing.T) {
	key := "ed25519:6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iw"
	r := get(t, HandlerWithConfig(PageConfig{Signing: &SigningConfig{Require: true, Trusted: []TrustedKey{{User: "door", Device: "door-pi", Key: key}}}}), http.MethodGet, "/config.json", nil)
	raw := body(t, r)
	want := `"signing":{"require":true,"trusted":[{"user":"door","device":"door-pi","key":"` + key + `"}]}`
	if !strings.Contains(raw, want) {
		t.Errorf("/config.json is %s, want it to contain %s", raw, want)
	}
	if raw := body(t, get(t, Handler(), http.MethodGet, "/config.json", nil)); strings.Contains(raw, `"signing"`) {
		t.Errorf("a station that signs nothing serves %s; the page takes any \"signing\" for a signing station", raw)
	}
	// The page reads those names; a rename on either side must fail here.
	app := body(t, get(t, Handler(), http.MethodGet, "/app.js", nil))
	for _, use := range []string{"state.config.signing", "cfg?.require", "cfg?.trusted", "t.user", "t.device", "t.key"} {
		if !strings.Contains(app, use) {
			t.Errorf("app.js no longer reads %s from /config.json", use)
		}
	}
}

// TestPageReferencesExist catches a renamed file the page still links to.
func TestPageReferencesExist(t *testing.T) {
	h := Handler()
	page := body(t, get(t, h, http.MethodGet, "/", nil))
	refs := regexp.MustCompile(`(?:src|href)="([^"#:]+)"`).FindAllStringSubmatch(page, -1)
	app := body(t, get(t, h, http.MethodGet, "/app.js", nil))
	refs = append(refs, regexp.MustCompile(`from '\./([^']+)'`).FindAllStringSubmatch(app, -1)...)
	if len(refs) < 4 {
		t.Fatalf("found only %d references", len(refs))
	}
	for _, m := range refs {
		p := "/" + strings.TrimPrefix(m[1], "./")
		if r := get(t, h, http.MethodGet, p, nil); r.StatusCode != http.StatusOK {
			t.Errorf("the page references %s, which is %d", m[1], r.StatusCode)
		}
	}
}

// TestEveryAssetHasAContentType keeps unknown extensions out of page/ and dist/.
func TestEveryAssetHasAContentType(t *testing.T) {
	hh := HandlerWithConfig(PageConfig{}).(*handler)
	for p, a := range hh.assets {
		if a.contentType == "application/octet-stream" {
			t.Errorf("%s has no content type: add its extension to contentTypes", p)
		}
	}
}
