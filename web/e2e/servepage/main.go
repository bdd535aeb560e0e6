// Command servepage serves package web's handler alone, for the browser
// end-to-end test before (or without) a running intercomd:
//
//	go run ./web/e2e/servepage -addr 127.0.0.1:8099 -broker ws://127.0.0.1:18831 -stations door
package main

import (
	"flag"
	"log"
	"net/http"
	"strings"

	"github.com/intercomd/intercomd/web"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8099", "listen address")
	broker := flag.String("broker", "", "broker WebSocket URL for /config.json (empty: the page's default)")
	channel := flag.String("channel", "home", "default channel")
	stations := flag.String("stations", "", "comma-separated station user ids to list")
	flag.Parse()
	cfg := web.PageConfig{BrokerURL: *broker, DefaultChannel: *channel}
	if *stations != "" {
		cfg.Stations = strings.Split(*stations, ",")
	}
	log.Printf("servepage: http://%s/", *addr)
	log.Fatal(http.ListenAndServe(*addr, web.HandlerWithConfig(cfg)))
}
