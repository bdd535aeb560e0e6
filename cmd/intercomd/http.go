package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/web"
)

// httpHandler serves the web page at /, its configuration at /config.json,
// health at /healthz and counters at /metrics (Prometheus text format).
func (d *daemon) httpHandler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/", web.HandlerWithConfig(web.PageConfig{
		BrokerURL:      d.cfg.HTTP.BrokerURL,
		DefaultChannel: d.cfg.Channels[0],
		Stations:       []string{d.cfg.User},
		Signing:        d.sec.page(),
	}))
	mux.HandleFunc("/healthz", d.serveHealth)
	mux.HandleFunc("/metrics", d.serveMetrics)
	return mux
}

// pageHandler serves through whichever handler was set last, so that a reload
// can change what /config.json says while the server keeps running.
type pageHandler struct{ h atomic.Pointer[http.Handler] }

func (p *pageHandler) set(h http.Handler) { p.h.Store(&h) }

func (p *pageHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	(*p.h.Load()).ServeHTTP(w, r)
}

func (d *daemon) serveHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	status := http.StatusOK
	body := map[string]any{"broker": d.sig.Connected(), "status": d.client.Snapshot().Status.String()}
	if err := d.client.Ping(ctx); err != nil {
		status, body["engine"] = http.StatusServiceUnavailable, err.Error()
	}
	if !d.sig.Connected() {
		status = http.StatusServiceUnavailable
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func (d *daemon) serveMetrics(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	snap := d.client.Snapshot()
	stats, _ := d.client.Stats(ctx)
	sig := d.sig.Stats()
	w.Header().Set("Content-Type", "text/plain; version=0.0.4")
	for _, s := range call.Statuses() {
		v := 0
		if s == snap.Status {
			v = 1
		}
		fmt.Fprintf(w, "intercomd_call_status{status=%q} %d\n", s.String(), v)
	}
	connected := 0
	if d.sig.Connected() {
		connected = 1
	}
	fmt.Fprintf(w, "intercomd_broker_connected %d\n", connected)
	for name, v := range map[string]uint64{
		"audio_packets_sent_total":     stats.AudioPacketsSent,
		"video_frames_sent_total":      stats.VideoFramesSent,
		"audio_packets_received_total": stats.AudioPacketsReceived,
		"video_packets_received_total": stats.VideoPacketsReceived,
		"video_frames_received_total":  stats.VideoFramesReceived,
		"media_bytes_received_total":   stats.BytesReceived,
	} {
		fmt.Fprintf(w, "intercomd_call_%s %d\n", name, v)
	}
	fmt.Fprintf(w, "intercomd_signaling_received_total %d\n", sig.Received)
	for reason, n := range sig.Dropped {
		fmt.Fprintf(w, "intercomd_signaling_dropped_total{reason=%q} %d\n", reason.String(), n)
	}
}
