package webrtcpeer

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/pion/ice/v4"
	"github.com/pion/interceptor"
	"github.com/pion/webrtc/v4"

	"github.com/intercomd/intercomd/call"
)

// Payload types and fmtp lines of the codecs a Factory registers. They are the
// numbers browsers commonly use, which keeps answers readable, though any
// number negotiates.
const (
	// PayloadTypeH264 carries H.264 constrained baseline, packetization mode 1.
	PayloadTypeH264 webrtc.PayloadType = 102
	// PayloadTypeOpus carries Opus, 48 kHz, two channels as RFC 7587 requires
	// in SDP (intercomd sends mono).
	PayloadTypeOpus webrtc.PayloadType = 111
	// PayloadTypePCMU carries G.711 µ-law, sent to and received from peers
	// without Opus.
	PayloadTypePCMU webrtc.PayloadType = 0
	// PayloadTypePCMA carries G.711 A-law, the other fallback every browser
	// has; device.AudioSink decodes both and device.SharedAudioTrack sends
	// both.
	PayloadTypePCMA webrtc.PayloadType = 8

	fmtpH264 = "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"
	fmtpOpus = "minptime=10;useinbandfec=1"
)

// audioCodecs are the audio codecs a Factory can register, by the lower-case
// name Config.AudioCodecs uses; defaultAudioCodecs is the order offered.
var (
	audioCodecs = map[string]webrtc.RTPCodecParameters{
		"opus": {PayloadType: PayloadTypeOpus, RTPCodecCapability: webrtc.RTPCodecCapability{
			MimeType: webrtc.MimeTypeOpus, ClockRate: 48000, Channels: 2, SDPFmtpLine: fmtpOpus}},
		"pcmu": {PayloadType: PayloadTypePCMU, RTPCodecCapability: webrtc.RTPCodecCapability{
			MimeType: webrtc.MimeTypePCMU, ClockRate: 8000, Channels: 1}},
		"pcma": {PayloadType: PayloadTypePCMA, RTPCodecCapability: webrtc.RTPCodecCapability{
			MimeType: webrtc.MimeTypePCMA, ClockRate: 8000, Channels: 1}},
	}
	defaultAudioCodecs = []string{"opus", "pcmu", "pcma"}
)

// certRenewBefore is how long before expiry the shared DTLS certificate is
// replaced. pion makes certificates valid for a month and refuses expired
// ones, and intercomd runs for months.
const certRenewBefore = 48 * time.Hour

// Factory creates peers that share one webrtc.API and one DTLS certificate. It
// implements call.PeerFactory and is safe for concurrent use.
type Factory struct {
	cfg Config
	log *slog.Logger
	api *webrtc.API

	mu   sync.Mutex
	cert webrtc.Certificate
}

var _ call.PeerFactory = (*Factory)(nil)

// NewFactory builds the shared API and certificate from cfg.
func NewFactory(cfg Config) (*Factory, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if isNilPointer(cfg.Source) {
		// A nil *device.Synthetic in the interface would pass a nil check and
		// panic at the first call; it means "no source".
		cfg.Source = nil
	}
	log := cfg.Logger.With("component", "webrtcpeer")
	api, err := newAPI(cfg, log)
	if err != nil {
		return nil, err
	}
	f := &Factory{cfg: cfg, log: log, api: api}
	if err := f.renewCert(); err != nil {
		return nil, err
	}
	return f, nil
}

// isNilPointer reports whether v holds a nil pointer.
func isNilPointer(v any) bool {
	if v == nil {
		return false
	}
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

// newAPI registers only what intercomd uses: every codec registered is offered
// and matched in every negotiation, and RegisterDefaultCodecs roughly doubles
// call setup time (docs/media.md).
func newAPI(cfg Config, log *slog.Logger) (*webrtc.API, error) {
	m := &webrtc.MediaEngine{}
	videoFB := []webrtc.RTCPFeedback{{Type: "nack"}, {Type: "nack", Parameter: "pli"}, {Type: "ccm", Parameter: "fir"}}
	type codec struct {
		c    webrtc.RTPCodecParameters
		kind webrtc.RTPCodecType
	}
	var codecs []codec
	names := cfg.AudioCodecs
	if len(names) == 0 {
		names = defaultAudioCodecs
	}
	for _, n := range names {
		codecs = append(codecs, codec{audioCodecs[strings.ToLower(strings.TrimSpace(n))], webrtc.RTPCodecTypeAudio})
	}
	codecs = append(codecs, codec{webrtc.RTPCodecParameters{PayloadType: PayloadTypeH264, RTPCodecCapability: webrtc.RTPCodecCapability{
		MimeType: webrtc.MimeTypeH264, ClockRate: 90000, SDPFmtpLine: fmtpH264, RTCPFeedback: videoFB}}, webrtc.RTPCodecTypeVideo})
	for _, c := range codecs {
		if err := m.RegisterCodec(c.c, c.kind); err != nil {
			return nil, fmt.Errorf("webrtcpeer: registering %s: %w", c.c.MimeType, err)
		}
	}

	// NACK (generator and responder) and RTCP sender/receiver reports: loss
	// repair and the reports browsers expect. Left out of pion's defaults: the
	// stats interceptor, TWCC and simulcast header extensions, which cost CPU
	// per packet and which nothing here reads.
	ir := &interceptor.Registry{}
	if err := webrtc.ConfigureNack(m, ir); err != nil {
		return nil, fmt.Errorf("webrtcpeer: NACK interceptor: %w", err)
	}
	if err := webrtc.ConfigureRTCPReports(ir); err != nil {
		return nil, fmt.Errorf("webrtcpeer: RTCP report interceptors: %w", err)
	}

	s := webrtc.SettingEngine{LoggerFactory: NewLoggerFactory(log, cfg.PionLogLevel)}
	s.SetIncludeLoopbackCandidate(!cfg.NoLoopback)
	if cfg.ResolveMDNS {
		s.SetICEMulticastDNSMode(ice.MulticastDNSModeQueryOnly)
	} else {
		s.SetICEMulticastDNSMode(ice.MulticastDNSModeDisabled)
	}
	nt := cfg.NetworkTypes
	if len(nt) == 0 {
		nt = []webrtc.NetworkType{webrtc.NetworkTypeUDP4, webrtc.NetworkTypeUDP6}
	}
	s.SetNetworkTypes(nt)
	if cfg.InterfaceFilter != nil {
		s.SetInterfaceFilter(cfg.InterfaceFilter)
	}
	if cfg.IPFilter != nil {
		s.SetIPFilter(cfg.IPFilter)
	}
	if cfg.Net != nil {
		s.SetNet(cfg.Net)
	}
	if cfg.PortMin != 0 {
		if err := s.SetEphemeralUDPPortRange(cfg.PortMin, cfg.PortMax); err != nil {
			return nil, fmt.Errorf("webrtcpeer: UDP port range %d-%d: %w", cfg.PortMin, cfg.PortMax, err)
		}
	}
	return webrtc.NewAPI(webrtc.WithMediaEngine(m), webrtc.WithInterceptorRegistry(ir), webrtc.WithSettingEngine(s)), nil
}

// renewCert makes a new ECDSA P-256 DTLS certificate. f.mu must be held or f
// not yet shared.
func (f *Factory) renewCert() error {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return fmt.Errorf("webrtcpeer: generating the DTLS key: %w", err)
	}
	cert, err := webrtc.GenerateCertificate(key)
	if err != nil {
		return fmt.Errorf("webrtcpeer: generating the DTLS certificate: %w", err)
	}
	f.cert = *cert
	return nil
}

// certificate returns the shared certificate, renewed when it nears expiry.
func (f *Factory) certificate() (webrtc.Certificate, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if time.Until(f.cert.Expires()) < certRenewBefore {
		if err := f.renewCert(); err != nil {
			return webrtc.Certificate{}, err
		}
		f.log.Info("renewed the DTLS certificate", "expires", f.cert.Expires())
	}
	return f.cert, nil
}

// NewPeer creates a peer connection for one call. It returns call.Peer so the
// Factory satisfies call.PeerFactory; the value is a *Peer.
func (f *Factory) NewPeer(opts call.PeerOptions) (call.Peer, error) {
	return f.newPeer(opts)
}

func (f *Factory) newPeer(opts call.PeerOptions) (*Peer, error) {
	cert, err := f.certificate()
	if err != nil {
		return nil, err
	}
	pc, err := f.api.NewPeerConnection(webrtc.Configuration{
		ICEServers:   f.cfg.ICEServers,
		Certificates: []webrtc.Certificate{cert},
		BundlePolicy: webrtc.BundlePolicyMaxBundle,
	})
	if err != nil {
		return nil, fmt.Errorf("webrtcpeer: creating the peer connection for call %s: %w", opts.CallID, err)
	}
	p := &Peer{
		opts: opts,
		pc:   pc,
		log:  f.log.With("call", opts.CallID),
		src:  f.cfg.Source,

		audioSink: f.cfg.AudioSink,
		videoSink: f.cfg.VideoSink,
	}
	if p.src != nil {
		p.sendAudio = opts.Send.Audio && p.src.AudioTrack() != nil
		p.sendVideo = opts.Send.Video && p.src.VideoTrack() != nil
	}
	p.register()
	return p, nil
}
