package device

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// ErrAudioDeviceGone is wrapped by errors from a capture or playback device
// that disappeared (a USB sound card unplugged: ENODEV, EBADFD, ENXIO). The
// audio loops report it, keep the call going without that direction and
// reopen the device when it comes back.
var ErrAudioDeviceGone = errors.New("audio device is gone")

// AudioCard is one ALSA sound card, from /proc/asound/cards.
type AudioCard struct {
	// Index is the card number (the N in hw:N,0), ID its short name
	// ("Headphones", "Device"), Driver the kernel driver and Name the long name.
	Index  int
	ID     string
	Driver string
	Name   string
}

// AudioPCM is one PCM device of a card, from /proc/asound/pcm.
type AudioPCM struct {
	Card   AudioCard
	Device int
	// Name is the PCM's own name ("USB Audio", "bcm2835 Headphones").
	Name string
	// Capture and Playback say which directions the PCM has (substream counts).
	Capture, Playback int
	// Missing lists the /dev/snd nodes that should exist for this PCM but do
	// not (a container without /dev/snd, say).
	Missing []string
}

// HW returns the PCM's hardware name, "hw:C,D".
func (p AudioPCM) HW() string { return fmt.Sprintf("hw:%d,%d", p.Card.Index, p.Device) }

// isHDMI reports whether the PCM drives an HDMI output: never a useful
// default for a door station's speaker.
func (p AudioPCM) isHDMI() bool {
	s := strings.ToLower(p.Card.ID + " " + p.Card.Driver + " " + p.Card.Name + " " + p.Name)
	return strings.Contains(s, "hdmi")
}

// AudioDevices is what ProbeAudio found.
type AudioDevices struct {
	Cards []AudioCard
	PCMs  []AudioPCM
	// Err is set when /proc/asound could not be read (no sound support in
	// the kernel, or not mounted); the lists are then empty.
	Err error
}

// Paths the probe reads; tests point them at testdata.
var (
	procAsound = "/proc/asound"
	devSnd     = "/dev/snd"
)

// ProbeAudio lists the ALSA cards and PCM devices from /proc/asound and
// checks their /dev/snd nodes. It never fails: a machine without sound gives
// an empty list and Err saying why.
func ProbeAudio() AudioDevices {
	var d AudioDevices
	cards, err := readCards(filepath.Join(procAsound, "cards"))
	if err != nil {
		d.Err = fmt.Errorf("device: listing ALSA cards: %w (is the kernel's sound support loaded?)", err)
		return d
	}
	d.Cards = cards
	pcms, err := readPCMs(filepath.Join(procAsound, "pcm"), cards)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		d.Err = fmt.Errorf("device: listing ALSA PCM devices: %w", err)
	}
	for i := range pcms {
		p := &pcms[i]
		for _, dir := range []struct {
			n    int
			kind byte
		}{{p.Capture, 'c'}, {p.Playback, 'p'}} {
			if dir.n == 0 {
				continue
			}
			node := filepath.Join(devSnd, fmt.Sprintf("pcmC%dD%d%c", p.Card.Index, p.Device, dir.kind))
			if _, err := os.Stat(node); err != nil {
				p.Missing = append(p.Missing, node)
			}
		}
	}
	d.PCMs = pcms
	return d
}

// readCards parses /proc/asound/cards:
//
//	0 [Headphones     ]: bcm2835_headpho - bcm2835 Headphones
//	                     bcm2835 Headphones
func readCards(path string) ([]AudioCard, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cards []AudioCard
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		num, rest, ok := strings.Cut(line, " [")
		if !ok {
			continue
		}
		idx, err := strconv.Atoi(num)
		if err != nil {
			continue
		}
		id, rest, ok := strings.Cut(rest, "]:")
		if !ok {
			continue
		}
		driver, name, _ := strings.Cut(strings.TrimSpace(rest), " - ")
		cards = append(cards, AudioCard{Index: idx, ID: strings.TrimSpace(id), Driver: strings.TrimSpace(driver), Name: strings.TrimSpace(name)})
	}
	return cards, sc.Err()
}

// readPCMs parses /proc/asound/pcm:
//
//	01-00: USB Audio : USB Audio : playback 1 : capture 1
func readPCMs(path string, cards []AudioCard) ([]AudioPCM, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var pcms []AudioPCM
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), " : ")
		head, id, ok := strings.Cut(parts[0], ": ")
		if !ok {
			continue
		}
		c, d, ok := strings.Cut(head, "-")
		ci, err1 := strconv.Atoi(c)
		di, err2 := strconv.Atoi(d)
		if !ok || err1 != nil || err2 != nil {
			continue
		}
		p := AudioPCM{Card: AudioCard{Index: ci}, Device: di, Name: strings.TrimSpace(id)}
		for _, c := range cards {
			if c.Index == ci {
				p.Card = c
			}
		}
		if len(parts) > 1 {
			p.Name = strings.TrimSpace(parts[1])
		}
		for _, part := range parts[2:] {
			kind, n, _ := strings.Cut(strings.TrimSpace(part), " ")
			count, _ := strconv.Atoi(n)
			switch kind {
			case "capture":
				p.Capture = count
			case "playback":
				p.Playback = count
			}
		}
		pcms = append(pcms, p)
	}
	sort.Slice(pcms, func(i, k int) bool {
		if pcms[i].Card.Index != pcms[k].Card.Index {
			return pcms[i].Card.Index < pcms[k].Card.Index
		}
		return pcms[i].Device < pcms[k].Device
	})
	return pcms, sc.Err()
}

// cardList formats the cards for error messages: "0 (bcm2835 Headphones), 2 (USB Audio)".
func (d AudioDevices) cardList() string {
	if len(d.Cards) == 0 {
		if d.Err != nil {
			return "none (" + d.Err.Error() + ")"
		}
		return "none"
	}
	var s []string
	for _, c := range d.Cards {
		s = append(s, fmt.Sprintf("%d (%s)", c.Index, c.Name))
	}
	return strings.Join(s, ", ")
}

// Resolve maps a device name as users write it to a PCM for one direction:
// "hw:1,0", "plughw:1,0", "hw:1" (device 0), "hw:CARD=Device,DEV=0",
// "hw:Device,0" (card by ID), and "default" or "" (the first card with that
// direction, HDMI outputs last). intercomd talks to the hardware directly:
// "plughw" is accepted as a synonym of "hw", and the conversions ALSA's plug
// and dmix layers would do (rates, formats, channels, sharing) are done in
// intercomd instead (resampling to 48 kHz, mono mixing) or not at all
// (sharing: the device is opened exclusively).
func (d AudioDevices) Resolve(name string, capture bool) (AudioPCM, error) {
	dir := "playback"
	if capture {
		dir = "capture"
	}
	has := func(p AudioPCM) bool {
		if capture {
			return p.Capture > 0
		}
		return p.Playback > 0
	}
	name = strings.TrimSpace(name)
	if name == "" || name == "default" || name == "sysdefault" {
		var hdmi []AudioPCM
		for _, p := range d.PCMs {
			if !has(p) {
				continue
			}
			if p.isHDMI() {
				hdmi = append(hdmi, p)
				continue
			}
			return p, nil
		}
		if len(hdmi) > 0 {
			return hdmi[0], nil
		}
		return AudioPCM{}, fmt.Errorf("device: ALSA %s default: no card can %s; cards: %s", dir, dir, d.cardList())
	}
	iface, args, ok := strings.Cut(name, ":")
	if !ok || (iface != "hw" && iface != "plughw") {
		return AudioPCM{}, fmt.Errorf("device: ALSA %s %q: intercomd opens hardware devices only; write hw:CARD,DEVICE (e.g. hw:1,0) or default", dir, name)
	}
	var cardArg, devArg string
	for i, a := range strings.Split(args, ",") {
		k, v, kv := strings.Cut(a, "=")
		switch {
		case kv && k == "CARD":
			cardArg = v
		case kv && k == "DEV":
			devArg = v
		case kv:
			return AudioPCM{}, fmt.Errorf("device: ALSA %s %q: unknown argument %s; use CARD= and DEV=", dir, name, k)
		case i == 0:
			cardArg = a
		case i == 1:
			devArg = a
		default:
			return AudioPCM{}, fmt.Errorf("device: ALSA %s %q: too many arguments; write hw:CARD,DEVICE", dir, name)
		}
	}
	card := -1
	if n, err := strconv.Atoi(cardArg); err == nil {
		card = n
	} else {
		for _, c := range d.Cards {
			if c.ID == cardArg {
				card = c.Index
			}
		}
	}
	known := false
	for _, c := range d.Cards {
		known = known || c.Index == card
	}
	if !known {
		return AudioPCM{}, fmt.Errorf("device: ALSA %s %s: no such card; cards: %s", dir, name, d.cardList())
	}
	dev := 0
	if devArg != "" {
		n, err := strconv.Atoi(devArg)
		if err != nil || n < 0 {
			return AudioPCM{}, fmt.Errorf("device: ALSA %s %q: device %q is not a number", dir, name, devArg)
		}
		dev = n
	}
	var devs []string
	for _, p := range d.PCMs {
		if p.Card.Index != card {
			continue
		}
		if has(p) {
			devs = append(devs, strconv.Itoa(p.Device))
		}
		if p.Device == dev {
			if !has(p) {
				break
			}
			return p, nil
		}
	}
	if len(devs) == 0 {
		return AudioPCM{}, fmt.Errorf("device: ALSA %s %s: card %d has no %s device; cards: %s", dir, name, card, dir, d.cardList())
	}
	return AudioPCM{}, fmt.Errorf("device: ALSA %s %s: card %d has no %s device %d; its %s devices: %s", dir, name, card, dir, dev, dir, strings.Join(devs, ", "))
}

// String lists the devices for `intercomd devices`, marking the ones
// "default" picks.
func (d AudioDevices) String() string {
	var b strings.Builder
	if d.Err != nil {
		fmt.Fprintf(&b, "ALSA: %v\n", d.Err)
	}
	for _, capture := range []bool{true, false} {
		title := "ALSA playback devices (speaker):"
		if capture {
			title = "ALSA capture devices (microphone):"
		}
		b.WriteString(title + "\n")
		def, _ := d.Resolve("default", capture)
		n := 0
		for _, p := range d.PCMs {
			if (capture && p.Capture == 0) || (!capture && p.Playback == 0) {
				continue
			}
			n++
			mark := ""
			if p.Card.Index == def.Card.Index && p.Device == def.Device {
				mark = "  [default]"
			}
			fmt.Fprintf(&b, "  %-8s %s — %s (card %q, driver %s)%s\n", p.HW(), p.Name, p.Card.Name, p.Card.ID, p.Card.Driver, mark)
			if len(p.Missing) > 0 {
				fmt.Fprintf(&b, "           missing %s: is /dev/snd available to intercomd?\n", strings.Join(p.Missing, ", "))
			}
		}
		if n == 0 {
			b.WriteString("  none\n")
		}
	}
	return b.String()
}
