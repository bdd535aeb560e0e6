package gpio

import (
	"fmt"
	"strconv"
	"strings"
)

// resolver turns configured lines into offsets on one chip, refusing unknown
// lines and lines used twice.
type resolver struct {
	chip  Chip
	names []string
	users map[int]string // offset → the key that took it
}

func newResolver(chip Chip) *resolver {
	return &resolver{chip: chip, names: chip.Lines(), users: map[int]string{}}
}

// resolve returns the offset of ref, for the config key key ("gpio.buttons[0] (bell)").
func (r *resolver) resolve(key string, ref LineRef) (int, error) {
	off := -1
	switch {
	case ref.Line != "":
		for i, n := range r.names {
			if n == ref.Line {
				off = i
				break
			}
		}
		if off < 0 {
			return 0, fmt.Errorf("%w: %s: line %s not found on %s; lines: %s", ErrInvalidConfig, key, ref.Line, r.chipName(), summarizeLines(r.names))
		}
	case ref.Offset != nil:
		off = *ref.Offset
		if off < 0 || off >= len(r.names) {
			return 0, fmt.Errorf("%w: %s: offset %d not found on %s, which has offsets 0..%d; lines: %s", ErrInvalidConfig, key, off, r.chipName(), len(r.names)-1, summarizeLines(r.names))
		}
	default:
		return 0, fmt.Errorf("%w: %s: no line; set line (say GPIO17) or offset", ErrInvalidConfig, key)
	}
	if other, ok := r.users[off]; ok {
		return 0, fmt.Errorf("%w: %s: line %s is already used by %s; give each its own line; lines: %s", ErrInvalidConfig, key, r.lineName(off), other, summarizeLines(r.names))
	}
	r.users[off] = key
	return off, nil
}

func (r *resolver) chipName() string {
	if l := r.chip.Label(); l != "" && l != r.chip.Name() {
		return fmt.Sprintf("%s (%s)", r.chip.Name(), l)
	}
	return r.chip.Name()
}

func (r *resolver) lineName(off int) string {
	if n := r.names[off]; n != "" {
		return n
	}
	return fmt.Sprintf("offset %d", off)
}

// maxListed caps how many items an error lists.
const maxListed = 40

// summarizeLines lists line names in offset order, folding runs such as GPIO2,
// GPIO3 … GPIO27 into "GPIO2..GPIO27" and unnamed lines into "offsets 28..57
// (unnamed)".
func summarizeLines(names []string) string {
	if len(names) == 0 {
		return "(none)"
	}
	var items []string
	for i := 0; i < len(names); {
		j := i + 1
		if names[i] == "" {
			for j < len(names) && names[j] == "" {
				j++
			}
			if j-i == 1 {
				items = append(items, fmt.Sprintf("offset %d (unnamed)", i))
			} else {
				items = append(items, fmt.Sprintf("offsets %d..%d (unnamed)", i, j-1))
			}
			i = j
			continue
		}
		prefix, n, ok := splitNumber(names[i])
		if ok {
			for j < len(names) {
				p2, n2, ok2 := splitNumber(names[j])
				if !ok2 || p2 != prefix || n2 != n+(j-i) {
					break
				}
				j++
			}
		}
		switch j - i {
		case 1:
			items = append(items, names[i])
		case 2:
			items = append(items, names[i], names[i+1])
		default:
			items = append(items, names[i]+".."+names[j-1])
		}
		i = j
	}
	if len(items) > maxListed {
		return strings.Join(items[:maxListed], ", ") + fmt.Sprintf(", … (%d lines in all; `gpioinfo` lists them)", len(names))
	}
	return strings.Join(items, ", ")
}

// splitNumber splits "GPIO17" into "GPIO" and 17.
func splitNumber(s string) (string, int, bool) {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	if i == len(s) || len(s)-i > 6 {
		return "", 0, false
	}
	n, err := strconv.Atoi(s[i:])
	if err != nil {
		return "", 0, false
	}
	return s[:i], n, true
}
