// Package web serves intercomd's browser side: the page that answers the door
// (page/) and the JavaScript SDK it uses (dist/intercom.js, built from sdk/ by
// `npm run build` and committed, so building the daemon needs no Node).
//
// Paths served:
//
//	/                    the page (page/index.html)
//	/app.js, /style.css  the page's script and style, and every other file of page/
//	/dist/intercom.js    the SDK, one ES module (MQTT.js bundled in)
//	/dist/intercom.d.ts  its type declarations (and /dist/types/*.d.ts)
//	/config.json         the page's configuration, from PageConfig
//
// Nothing else: directories are not listed, unknown paths are 404, and only GET
// and HEAD are allowed.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed page dist
var files embed.FS

// PageConfig is what the daemon tells the page, served as /config.json.
type PageConfig struct {
	// BrokerURL is the MQTT-over-WebSocket URL browsers connect to, such as
	// "wss://door.local:1884". Empty: the page uses ws://<page host>:1884, or
	// wss:// when the page itself came over https.
	BrokerURL string `json:"brokerUrl"`
	// DefaultChannel is the channel a new user joins (default "home").
	DefaultChannel string `json:"defaultChannel"`
	// Stations are user ids the page lists as stations even while they are
	// offline (presence adds the online ones).
	Stations []string `json:"stations"`
	// Signing tells the page how the station authenticates signaling
	// (docs/security.md); nil when the station signs nothing.
	Signing *SigningConfig `json:"signing,omitempty"`
}

// SigningConfig is the signing policy a page must follow and the keys it may
// believe. The page came from the station, so it trusts what the station trusts.
type SigningConfig struct {
	// Require: the station drops unsigned signaling and signaling from devices
	// it has not enrolled; the page must sign with an enrolled key.
	Require bool `json:"require"`
	// Trusted are the station's trusted keys plus its own.
	Trusted []TrustedKey `json:"trusted"`
}

// TrustedKey is one enrolled device key, as in the trusted-keys file.
type TrustedKey struct {
	User   string `json:"user"`
	Device string `json:"device"`
	// Key is "ed25519:" and the 32-byte public key in unpadded base64url.
	Key string `json:"key"`
}

// contentTypes are set explicitly: the platform's MIME table varies (".ts" is
// video/mp2t on some systems) and the SDK must load as a JavaScript module.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json",
	".ts":          "text/plain; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".webmanifest": "application/manifest+json",
}

// contentSecurityPolicy allows the page its own files and WebSocket connections to
// any broker (the broker URL is configurable and usually on another port).
// MQTT.js runs its keepalive timer in a blob: worker (so background tabs keep
// their broker connection), hence worker-src blob:.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self'; img-src 'self' data:; " +
	"media-src 'self' blob: mediastream:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

type asset struct {
	body        []byte
	contentType string
	etag        string
}

// Handler serves the page and the SDK with an empty PageConfig: the page then
// falls back to its defaults.
func Handler() http.Handler { return HandlerWithConfig(PageConfig{}) }

// HandlerWithConfig serves the page and the SDK, and cfg as /config.json.
func HandlerWithConfig(cfg PageConfig) http.Handler {
	if cfg.DefaultChannel == "" {
		cfg.DefaultChannel = "home"
	}
	if cfg.Stations == nil {
		cfg.Stations = []string{}
	}
	assets := map[string]asset{}
	add := func(urlPath string, body []byte) {
		ct, ok := contentTypes[path.Ext(urlPath)]
		if !ok {
			ct = "application/octet-stream"
		}
		sum := sha256.Sum256(body)
		assets[urlPath] = asset{body: body, contentType: ct, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
	}
	for _, root := range []struct{ dir, prefix string }{{"page", "/"}, {"dist", "/dist/"}} {
		// The embedded tree is fixed at build time; a walk error here is a build bug.
		err := fs.WalkDir(files, root.dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			body, err := files.ReadFile(p)
			if err != nil {
				return err
			}
			add(root.prefix+strings.TrimPrefix(p, root.dir+"/"), body)
			return nil
		})
		if err != nil {
			panic(fmt.Sprintf("web: embedded %s/ unreadable: %v", root.dir, err))
		}
	}
	if index, ok := assets["/index.html"]; ok {
		assets["/"] = index
	}
	body, err := json.Marshal(cfg)
	if err != nil {
		panic(fmt.Sprintf("web: PageConfig does not marshal: %v", err)) // only strings: cannot happen
	}
	add("/config.json", body)
	return &handler{assets: assets, modTime: time.Now()}
}

type handler struct {
	assets  map[string]asset
	modTime time.Time
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "web: method not allowed; use GET", http.StatusMethodNotAllowed)
		return
	}
	a, ok := h.assets[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", a.contentType)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("ETag", a.etag)
	// Revalidate every time: the files change with the binary, and the ETag
	// makes revalidation cheap.
	hd.Set("Cache-Control", "no-cache")
	if strings.HasSuffix(a.contentType, "html; charset=utf-8") {
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Permissions-Policy", "camera=(self), microphone=(self)")
	}
	// ServeContent handles HEAD, Range and If-None-Match against the ETag.
	http.ServeContent(w, r, "", h.modTime, bytes.NewReader(a.body))
}
