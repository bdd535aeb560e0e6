// Command servepage serves package web's handler alone, for the browser
// end-to-end test before (or without) a running intercomd:
//
//	go run ./web/e2e/servepage -addr 127.0.0.1:8099 -broker ws://127.0.0.1:18831 -stations door
//
// With -broker-ws it also runs intercomd's embedded broker (package broker) on
// that address, so the test covers MQTT.js against mochi with the daemon's ACL:
//
//	go run ./web/e2e/servepage -broker-ws :18841 -users alice:pw,door:pw
//
// With -signing FILE, /config.json carries the signing policy and trusted keys
// that FILE holds as JSON ({"require":true,"trusted":[{"user","device","key"}]},
// web.SigningConfig), read again whenever it changes, as a reloaded intercomd
// would serve them after `intercomd keys add`.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"

	"github.com/intercomd/intercomd/broker"
	"github.com/intercomd/intercomd/web"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8099", "listen address of the page")
	brokerURL := flag.String("broker", "", "broker WebSocket URL for /config.json (empty: the page's default)")
	channel := flag.String("channel", "home", "default channel")
	stations := flag.String("stations", "", "comma-separated station user ids to list")
	brokerWS := flag.String("broker-ws", "", "also run the embedded broker with its WebSocket listener here (TCP off)")
	users := flag.String("users", "", "embedded broker users, user:password,... (empty: anonymous, loopback only)")
	signing := flag.String("signing", "", "JSON file with the page's signing config (web.SigningConfig), re-read when it changes")
	flag.Parse()

	if *brokerWS != "" {
		cfg := broker.Config{TCPAddress: broker.Off, WebSocketAddress: *brokerWS, Users: map[string]string{},
			Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
		for _, up := range strings.Split(*users, ",") {
			if u, p, ok := strings.Cut(up, ":"); ok {
				cfg.Users[u] = p
			}
		}
		b, err := broker.Start(cfg)
		if err != nil {
			log.Fatal(err)
		}
		defer b.Close()
		log.Printf("servepage: embedded broker at %s", b.WebSocketURL())
	}

	cfg := web.PageConfig{BrokerURL: *brokerURL, DefaultChannel: *channel}
	if *stations != "" {
		cfg.Stations = strings.Split(*stations, ",")
	}
	log.Printf("servepage: http://%s/", *addr)
	var h http.Handler = web.HandlerWithConfig(cfg)
	if *signing != "" {
		h = &signingHandler{path: *signing, cfg: cfg}
	}
	log.Fatal(http.ListenAndServe(*addr, h))
}

// signingHandler serves the page with the signing config in its file, rebuilt
// when the file's content changes.
type signingHandler struct {
	path string
	cfg  web.PageConfig

	mu   sync.Mutex
	last []byte
	h    http.Handler
}

func (s *signingHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h, err := s.handler()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h.ServeHTTP(w, r)
}

func (s *signingHandler) handler() (http.Handler, error) {
	b, err := os.ReadFile(s.path)
	if err != nil {
		return nil, fmt.Errorf("servepage: -signing: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.h != nil && bytes.Equal(b, s.last) {
		return s.h, nil
	}
	var sc web.SigningConfig
	if err := json.Unmarshal(b, &sc); err != nil {
		return nil, fmt.Errorf("servepage: -signing %s: %w", s.path, err)
	}
	cfg := s.cfg
	cfg.Signing = &sc
	s.h, s.last = web.HandlerWithConfig(cfg), b
	return s.h, nil
}
