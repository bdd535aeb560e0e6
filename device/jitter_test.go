package device

import (
	"bufio"
	"encoding/binary"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// A jitter trace (testdata/audio/jitter/*.trace) lists packet arrivals and
// what the buffer must do with them. Lines:
//
//	target N / maxdepth N      buffer settings
//	pops N                     pop every 20 ms from time 0, N times
//	<ms> <seq>                 a packet arrives at ms
//	<ms> garbage|short         a non-RTP packet arrives
//	gen first=S count=N start=MS period=MS [jitter=MS seed=N ssrc=N]
//	expect key=V key>=V key<=V stats and depths (maxdepth, enddepth)
//	expect order T...          the first pops: a seq played, L lost, - silence, + inserted
type traceArrival struct {
	at   float64
	seq  uint16
	ssrc uint32
	raw  []byte
}

type jitterTrace struct {
	target, maxDepth, pops int
	arrivals               []traceArrival
	expects                []string
	order                  []string
}

func readTrace(t *testing.T, path string) jitterTrace {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tr := jitterTrace{target: 3, maxDepth: 10}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		atoi := func(s string) int {
			n, err := strconv.Atoi(s)
			if err != nil {
				t.Fatalf("%s: %q: %v", path, sc.Text(), err)
			}
			return n
		}
		switch fields[0] {
		case "target":
			tr.target = atoi(fields[1])
		case "maxdepth":
			tr.maxDepth = atoi(fields[1])
		case "pops":
			tr.pops = atoi(fields[1])
		case "expect":
			if len(fields) > 1 && fields[1] == "order" {
				tr.order = fields[2:]
			} else {
				tr.expects = append(tr.expects, fields[1:]...)
			}
		case "gen":
			kv := map[string]float64{"jitter": 0, "seed": 0, "ssrc": 1}
			for _, f := range fields[1:] {
				k, v, _ := strings.Cut(f, "=")
				x, err := strconv.ParseFloat(v, 64)
				if err != nil {
					t.Fatalf("%s: %q: %v", path, f, err)
				}
				kv[k] = x
			}
			r := rand.New(rand.NewPCG(uint64(kv["seed"]), 7))
			for i := range int(kv["count"]) {
				at := kv["start"] + float64(i)*kv["period"]
				if kv["jitter"] > 0 {
					at += r.Float64() * kv["jitter"]
				}
				tr.arrivals = append(tr.arrivals, traceArrival{at: at, seq: uint16(int(kv["first"]) + i), ssrc: uint32(kv["ssrc"])})
			}
		default:
			at, err := strconv.ParseFloat(fields[0], 64)
			if err != nil {
				t.Fatalf("%s: %q: %v", path, sc.Text(), err)
			}
			a := traceArrival{at: at, ssrc: 1}
			switch fields[1] {
			case "garbage":
				a.raw = []byte{0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd}
			case "short":
				a.raw = []byte{0x80, 0x6f}
			default:
				a.seq = uint16(atoi(fields[1]))
			}
			tr.arrivals = append(tr.arrivals, a)
		}
	}
	sort.SliceStable(tr.arrivals, func(i, k int) bool { return tr.arrivals[i].at < tr.arrivals[k].at })
	return tr
}

// rtpBytes builds an RTP packet whose payload names its sequence number.
func rtpBytes(seq uint16, ssrc uint32) []byte {
	b := make([]byte, 14)
	b[0], b[1] = 0x80, 111
	binary.BigEndian.PutUint16(b[2:], seq)
	binary.BigEndian.PutUint32(b[4:], uint32(seq)*960)
	binary.BigEndian.PutUint32(b[8:], ssrc)
	binary.BigEndian.PutUint16(b[12:], seq)
	return b
}

func TestJitterTraces(t *testing.T) {
	files, _ := filepath.Glob("testdata/audio/jitter/*.trace")
	if len(files) == 0 {
		t.Fatal("no traces in testdata/audio/jitter")
	}
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".trace"), func(t *testing.T) {
			tr := readTrace(t, path)
			j := newJitterBuffer(tr.target, tr.maxDepth)
			var order []string
			maxDepth, next := 0, 0
			for k := range tr.pops {
				now := float64(k) * 20
				for ; next < len(tr.arrivals) && tr.arrivals[next].at <= now; next++ {
					a := tr.arrivals[next]
					b := a.raw
					if b == nil {
						b = rtpBytes(a.seq, a.ssrc)
					}
					_ = j.push(b)
				}
				f := j.pop()
				maxDepth = max(maxDepth, j.depth()) // what stays buffered

				switch f.kind {
				case jitterPacket:
					if got := binary.BigEndian.Uint16(f.payload); got != f.seq {
						t.Fatalf("pop %d: payload of %d under seq %d", k, got, f.seq)
					}
					order = append(order, strconv.Itoa(int(f.seq)))
				case jitterLost:
					order = append(order, "L")
				case jitterInsert:
					order = append(order, "+")
				default:
					order = append(order, "-")
				}
			}
			st := j.statsNow()
			t.Logf("%v; max depth %d, end depth %d", st, maxDepth, j.depth())
			vals := map[string]uint64{
				"received": st.Received, "invalid": st.Invalid, "late": st.Late, "dup": st.Duplicate,
				"played": st.Played, "lost": st.Lost, "dropped": st.Dropped, "inserted": st.Inserted,
				"underruns": st.Underruns, "resets": st.Resets,
				"maxdepth": uint64(maxDepth), "enddepth": uint64(j.depth()),
			}
			for _, e := range tr.expects {
				checkExpect(t, e, vals)
			}
			if len(tr.order) > 0 && !reflect.DeepEqual(order[:min(len(order), len(tr.order))], tr.order) {
				t.Errorf("order\n got %v\nwant %v", order[:min(len(order), len(tr.order))], tr.order)
			}
		})
	}
}

func checkExpect(t *testing.T, e string, vals map[string]uint64) {
	t.Helper()
	for _, op := range []string{">=", "<=", "="} {
		k, v, ok := strings.Cut(e, op)
		if !ok {
			continue
		}
		got, known := vals[k]
		want, err := strconv.ParseUint(v, 10, 64)
		if !known || err != nil {
			t.Fatalf("bad expectation %q", e)
		}
		if (op == "=" && got != want) || (op == ">=" && got < want) || (op == "<=" && got > want) {
			t.Errorf("%s: got %d", e, got)
		}
		return
	}
	t.Fatalf("bad expectation %q", e)
}

func TestParseRTP(t *testing.T) {
	base := rtpBytes(5, 9)
	withCSRC := append([]byte{0x82, 111, 0, 5, 0, 0, 0, 0, 0, 0, 0, 9, 1, 1, 1, 1, 2, 2, 2, 2}, 0xab)
	withExt := append([]byte{0x90, 111, 0, 5, 0, 0, 0, 0, 0, 0, 0, 9, 0xbe, 0xde, 0, 1, 1, 2, 3, 4}, 0xab)
	withPad := append(append([]byte(nil), base...), 0, 0, 3)
	withPad[0] |= 0x20
	for _, tc := range []struct {
		name    string
		b       []byte
		payload []byte
		err     error
	}{
		{"plain", base, base[12:], nil},
		{"csrc", withCSRC, []byte{0xab}, nil},
		{"extension", withExt, []byte{0xab}, nil},
		{"padding", withPad, base[12:], nil},
		{"short", base[:11], nil, errRTPShort},
		{"version", append([]byte{0x40}, base[1:]...), nil, errRTPVersion},
		{"no payload", base[:12], nil, errRTPEmpty},
		{"csrc beyond end", []byte{0x8f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, nil, errRTPShort},
		{"extension beyond end", []byte{0x90, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xbe, 0xde, 0xff, 0xff}, nil, errRTPShort},
		{"padding beyond end", []byte{0xa0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 200}, nil, errRTPShort},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := parseRTP(tc.b)
			if err != tc.err {
				t.Fatalf("err %v, want %v", err, tc.err)
			}
			if err == nil && !reflect.DeepEqual(p.payload, tc.payload) {
				t.Errorf("payload %x, want %x", p.payload, tc.payload)
			}
		})
	}
}

// FuzzJitterPush feeds arbitrary bytes as RTP packets between pops: the buffer
// must neither panic nor hold more than its capacity, and every packet it
// plays must be one it was given.
func FuzzJitterPush(f *testing.F) {
	f.Add(rtpBytes(1, 1), uint8(1))
	f.Add([]byte{0x90, 111, 0, 5, 0, 0, 0, 0, 0, 0, 0, 9, 0xbe, 0xde, 0, 1, 1, 2, 3, 4, 5}, uint8(3))
	f.Add([]byte{0xbf, 0, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 200}, uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, pops uint8) {
		j := newJitterBuffer(3, 10)
		// Split data into packets at every 0x80 0x6f pair, plus the whole.
		pkts := [][]byte{data}
		for i := 0; i+1 < len(data); i++ {
			if data[i] == 0x80 {
				pkts = append(pkts, data[i:])
			}
		}
		for i, p := range pkts {
			_ = j.push(p)
			if i%int(pops%4+1) == 0 {
				f := j.pop()
				if f.kind == jitterPacket && len(f.payload) == 0 {
					t.Fatal("played an empty payload")
				}
			}
			if d := j.depth(); d > jitterSlots {
				t.Fatalf("depth %d beyond capacity", d)
			}
		}
		for range int(pops) {
			j.pop()
		}
	})
}

func BenchmarkJitterPushPop(b *testing.B) {
	j := newJitterBuffer(3, 10)
	pkts := make([][]byte, 1024)
	for i := range pkts {
		pkts[i] = append(rtpBytes(uint16(i), 1), make([]byte, 80)...)
	}
	i := 0
	for b.Loop() {
		_ = j.push(pkts[i%len(pkts)])
		j.pop()
		i++
	}
}
