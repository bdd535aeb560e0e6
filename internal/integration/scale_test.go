package integration

import (
	"bufio"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eclipse/paho.mqtt.golang/packets"

	"github.com/intercomd/intercomd/broker"
	"github.com/intercomd/intercomd/call"
	"github.com/intercomd/intercomd/internal/mqtttest"
	"github.com/intercomd/intercomd/mqttsignal"
)

// rawCaller is a lightweight simulated client: one TCP connection speaking
// MQTT 3.1.1 with paho's packet codec and one reader goroutine, so a
// thousand of them fit in a test. It subscribes to its own inbox and sends
// one invite to a station.
type rawCaller struct {
	user, device string
	conn         net.Conn
	wmu          sync.Mutex
	w            *bufio.Writer

	sent    atomic.Int64 // UnixNano of the invite; the reader goroutine reads it
	replies chan string  // "ringing", "reject:busy", ... in arrival order
	first   chan time.Duration
	once    sync.Once
}

func dialRawCaller(brokerURL string, i int) (*rawCaller, error) {
	u, err := url.Parse(brokerURL)
	if err != nil {
		return nil, err
	}
	conn, err := net.DialTimeout("tcp", u.Host, 10*time.Second)
	if err != nil {
		return nil, err
	}
	c := &rawCaller{
		user: fmt.Sprintf("caller-%04d", i), conn: conn, w: bufio.NewWriter(conn),
		replies: make(chan string, 8), first: make(chan time.Duration, 1),
	}
	c.device = c.user + "-d"
	cp := packets.NewControlPacket(packets.Connect).(*packets.ConnectPacket)
	cp.ProtocolName, cp.ProtocolVersion, cp.CleanSession = "MQTT", 4, true
	cp.ClientIdentifier, cp.Keepalive = c.user, 60
	if err := c.write(cp); err != nil {
		conn.Close()
		return nil, err
	}
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	r := bufio.NewReader(conn)
	p, err := packets.ReadPacket(r)
	if ack, ok := p.(*packets.ConnackPacket); err != nil || !ok || ack.ReturnCode != 0 {
		conn.Close()
		return nil, fmt.Errorf("%s: connect: %v %v", c.user, p, err)
	}
	sp := packets.NewControlPacket(packets.Subscribe).(*packets.SubscribePacket)
	sp.MessageID, sp.Topics, sp.Qoss = 1, []string{mqttsignal.InboxTopic("home", c.user)}, []byte{1}
	if err := c.write(sp); err != nil {
		conn.Close()
		return nil, err
	}
	if p, err := packets.ReadPacket(r); err != nil {
		conn.Close()
		return nil, fmt.Errorf("%s: subscribe: %v", c.user, err)
	} else if _, ok := p.(*packets.SubackPacket); !ok {
		conn.Close()
		return nil, fmt.Errorf("%s: subscribe: got %v", c.user, p)
	}
	conn.SetReadDeadline(time.Time{})
	go c.read(r)
	return c, nil
}

func (c *rawCaller) write(p packets.ControlPacket) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if err := p.Write(c.w); err != nil {
		return err
	}
	return c.w.Flush()
}

// read acknowledges and decodes what arrives on the inbox until the
// connection closes.
func (c *rawCaller) read(r *bufio.Reader) {
	defer close(c.replies)
	for {
		p, err := packets.ReadPacket(r)
		if err != nil {
			return
		}
		pub, ok := p.(*packets.PublishPacket)
		if !ok {
			continue
		}
		if pub.Qos == 1 {
			ack := packets.NewControlPacket(packets.Puback).(*packets.PubackPacket)
			ack.MessageID = pub.MessageID
			if c.write(ack) != nil {
				return
			}
		}
		var m struct{ Type, Reason string }
		if json.Unmarshal(pub.Payload, &m) != nil {
			continue
		}
		c.once.Do(func() { c.first <- time.Duration(time.Now().UnixNano() - c.sent.Load()) })
		reply := m.Type
		if m.Reason != "" {
			reply += ":" + m.Reason
		}
		select {
		case c.replies <- reply:
		default:
		}
	}
}

// invite sends one invite to station (QoS 1, not waiting for the PUBACK: the
// reader takes it).
func (c *rawCaller) invite(station string, seq uint64, sdp string) error {
	env, err := json.Marshal(map[string]any{
		"v": 1, "type": "invite", "channel": "home", "call": fmt.Sprintf("%016x", seq),
		"from": c.user, "fromDevice": c.device, "to": station, "seq": seq,
		"ttl": 30000, "sdp": sdp, "media": map[string]bool{"audio": true, "video": true},
	})
	if err != nil {
		return err
	}
	pp := packets.NewControlPacket(packets.Publish).(*packets.PublishPacket)
	pp.TopicName, pp.Qos, pp.MessageID, pp.Payload = mqttsignal.InboxTopic("home", station), 1, 1, env
	c.sent.Store(time.Now().UnixNano())
	return c.write(pp)
}

// ringResult is what a ringing storm measured.
type ringResult struct {
	latency        []time.Duration // invite sent → first reply, sorted
	replies        map[string]int  // first reply kinds
	rang, answered int             // stations: calls that rang, were rejected
	connect, storm time.Duration
	lost           []string
}

func (r ringResult) pct(p float64) time.Duration {
	return r.latency[int(p*float64(len(r.latency)-1))]
}

// ringStorm connects callers raw clients to an embedded broker, starts
// stations real stations (call.Client and mqttsignal.Signaler, receive-only
// peers) that decline every call they ring for, then has every caller send
// one invite to station i%stations at once. Every invite must get an answer:
// ringing (then reject{rejected}) from an idle station, or reject{busy}.
func ringStorm(t testing.TB, callers, stations int) ringResult {
	t.Helper()
	// The broker logs every client that goes away at warn: a thousand lines
	// at the end. Keep errors only.
	url := mqtttest.NewEmbedded(t, broker.Config{Logger: slog.New(&countingHandler{level: slog.LevelError})}).URL()
	sdp, err := os.ReadFile("../../mqttsignal/testdata/offer.sdp")
	if err != nil {
		t.Fatal(err)
	}
	var res ringResult
	var mu sync.Mutex
	sts := make([]*station, stations)
	for i := range sts {
		s := newFaultStation(t, url, fmt.Sprintf("station-%02d", i), fmt.Sprintf("station-%02d-pi", i), faultOpts{noSource: true})
		sts[i] = s
		s.c.On(call.EventIncoming, func(call.Event) {
			mu.Lock()
			res.rang++
			mu.Unlock()
			if err := s.c.RejectCall(bg); err != nil {
				t.Errorf("%s: reject: %v", s.c.DeviceID(), err)
				return
			}
			mu.Lock()
			res.answered++
			mu.Unlock()
		})
	}

	start := time.Now()
	cs := make([]*rawCaller, callers)
	var wg sync.WaitGroup
	errs := make(chan error, callers)
	sem := make(chan struct{}, 64) // connects in flight
	for i := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			c, err := dialRawCaller(url, i)
			if err != nil {
				errs <- err
				return
			}
			cs[i] = c
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, c := range cs {
			c.conn.Close()
		}
	})
	res.connect = time.Since(start)

	start = time.Now()
	seq := uint64(time.Now().UnixMicro())
	for i, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := c.invite(sts[i%stations].c.UserID(), seq+uint64(i), string(sdp)); err != nil {
				t.Errorf("%s: invite: %v", c.user, err)
			}
		}()
	}
	wg.Wait()
	res.replies = map[string]int{}
	deadline := time.After(60 * time.Second)
	for _, c := range cs {
		select {
		case d := <-c.first:
			res.latency = append(res.latency, d)
			res.replies[<-c.replies]++
		case <-deadline:
			res.lost = append(res.lost, c.user)
		}
	}
	res.storm = time.Since(start)
	slices.Sort(res.latency)
	// Stations are still declining the last calls: read their counts once
	// every answer is in.
	mu.Lock()
	rang, answered := res.rang, res.answered
	mu.Unlock()
	res.rang, res.answered = rang, answered
	return res
}

func (r ringResult) log(t testing.TB, callers, stations int) {
	t.Helper()
	t.Logf("%d raw MQTT clients connected in %s; %d invites to %d stations answered in %s: %v; stations rang %d times",
		callers, r.connect.Round(time.Millisecond), len(r.latency), stations, r.storm.Round(time.Millisecond), r.replies, r.rang)
	if len(r.latency) > 0 {
		t.Logf("invite → first answer: p50 %s, p99 %s, max %s",
			r.pct(0.5).Round(10*time.Microsecond), r.pct(0.99).Round(10*time.Microsecond), r.latency[len(r.latency)-1].Round(10*time.Microsecond))
	}
}

// check fails the test when an invite went unanswered or was answered with
// something other than ringing or reject{busy}.
func (r ringResult) check(t testing.TB, callers int) {
	t.Helper()
	if len(r.lost) > 0 {
		t.Errorf("%d of %d invites got no answer within 60 s, e.g. %v", len(r.lost), callers, r.lost[:min(5, len(r.lost))])
	}
	for kind, n := range r.replies {
		if kind != "ringing" && kind != "reject:busy" {
			t.Errorf("%d invites were first answered %q", n, kind)
		}
	}
	if r.rang == 0 || r.replies["ringing"] != r.rang {
		t.Errorf("stations rang %d times but %d callers heard ringing", r.rang, r.replies["ringing"])
	}
}

// TestManyCallersRingStations is the 1,000-client fault of issue 9 at a size
// for every test run (BenchmarkThousandCallersRing is the full one): raw
// MQTT clients on the embedded broker all ring a few real stations at once,
// and none of their invites may go unanswered.
func TestManyCallersRingStations(t *testing.T) {
	callers, stations := 200, 5
	if testing.Short() {
		callers = 50
	}
	r := ringStorm(t, callers, stations)
	r.log(t, callers, stations)
	r.check(t, callers)
}

// BenchmarkThousandCallersRing: 1,000 raw MQTT clients on one embedded
// broker each send one invite, all at once, to one of 10 real stations.
// Reports the signaling latency from invite to the first answer (ringing or
// reject{busy}); fails if any invite goes unanswered.
//
//	go test -run '^$' -bench ThousandCallersRing -benchtime 1x ./internal/integration
func BenchmarkThousandCallersRing(b *testing.B) {
	const callers, stations = 1000, 10
	var r ringResult
	for range b.N {
		r = ringStorm(b, callers, stations)
		r.check(b, callers)
	}
	r.log(b, callers, stations)
	b.ReportMetric(float64(r.pct(0.5))/float64(time.Millisecond), "p50-ms")
	b.ReportMetric(float64(r.pct(0.99))/float64(time.Millisecond), "p99-ms")
	b.ReportMetric(float64(r.latency[len(r.latency)-1])/float64(time.Millisecond), "max-ms")
	b.ReportMetric(float64(len(r.latency)), "answered")
}
