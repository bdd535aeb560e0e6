// Command servepage serves package web's handler alone, for the browser
// end-to-end test before (or without) a running intercomd:
//
//	go run ./web/e2e/servepage -addr 127.0.0.1:8099 -broker ws://127.0.0.1:18831 -stations door
//
// With -broker-ws it also runs intercomd's embedded broker (package broker) on
// that address, so the test covers MQTT.js against mochi with the daemon's ACL:
//
//	go run ./web/e2e/servepage -broker-ws :18841 -users alice:pw,door:pw
package main

import (
	"flag"
	"log"
	"log/slog"
	"net/http"
	"os"
	"strings"

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
	log.Fatal(http.ListenAndServe(*addr, web.HandlerWithConfig(cfg)))
}
