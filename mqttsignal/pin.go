package mqttsignal

import (
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"os"
	"slices"
	"strings"
)

// pinPrefix starts a pin: the SHA-256 of a certificate's public key
// (SubjectPublicKeyInfo), in standard base64, as curl's --pinnedpubkey and
// HPKP write it.
const pinPrefix = "sha256/"

// Pin returns the pin of cert's public key, "sha256/BASE64".
func Pin(cert *x509.Certificate) string {
	sum := sha256.Sum256(cert.RawSubjectPublicKeyInfo)
	return pinPrefix + base64.StdEncoding.EncodeToString(sum[:])
}

// PinOfFile returns the pin of the first certificate in the PEM file at path.
func PinOfFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("mqttsignal: reading the certificate: %w", err)
	}
	for {
		var block *pem.Block
		block, b = pem.Decode(b)
		if block == nil {
			return "", fmt.Errorf("mqttsignal: %s holds no PEM certificate", path)
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return "", fmt.Errorf("mqttsignal: %s: %w", path, err)
		}
		return Pin(cert), nil
	}
}

// checkPins validates the text form of pins.
func checkPins(pins []string) error {
	for _, p := range pins {
		if !ValidPin(p) {
			return optErr("TLS.PinSHA256 %q is not a pin; write sha256/ and the base64 SHA-256 of the broker's public key (`intercomd keys pin --cert FILE` prints it)", p)
		}
	}
	return nil
}

// ValidPin reports whether p has the form Pin returns.
func ValidPin(p string) bool {
	rest, ok := strings.CutPrefix(p, pinPrefix)
	b, err := base64.StdEncoding.DecodeString(rest)
	return ok && err == nil && len(b) == sha256.Size
}

// pinVerifier accepts a connection only when the broker's certificate carries
// one of pins. It runs after the chain check, or instead of it when no CA is
// given: a pinned self-signed certificate is then all a household needs.
func pinVerifier(pins []string) func(tls.ConnectionState) error {
	return func(cs tls.ConnectionState) error {
		if len(cs.PeerCertificates) == 0 {
			return fmt.Errorf("mqttsignal: the broker sent no certificate, and TLS.PinSHA256 expects one")
		}
		got := Pin(cs.PeerCertificates[0])
		if slices.Contains(pins, got) {
			return nil
		}
		return fmt.Errorf("mqttsignal: the broker's certificate key is %s, which TLS.PinSHA256 does not list: a different broker, or its key changed", got)
	}
}
